"""news, agenda, courses and activities, poll

Revision ID: 7e0a1c2d3b43
Revises: 7e0a1c2d3b42
Create Date: 2026-11-22 16:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7e0a1c2d3b43'
down_revision = '7e0a1c2d3b42'
branch_labels = None
depends_on = None


def _stamped():
    """The columns every board table has (models._Stamped)."""
    return [sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('municipality', sa.String(length=50), nullable=False),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint('id')]


def _index(table, *columns):
    for column in columns:
        op.create_index(op.f(f'ix_{table}_{column}'), table, [column], unique=False)


def upgrade():
    op.create_table('news_item', *_stamped(),
                    sa.Column('site', sa.String(length=10), nullable=False),
                    sa.Column('title', sa.String(length=150), nullable=False),
                    sa.Column('summary', sa.String(length=300), nullable=False),
                    sa.Column('body', sa.Text(), nullable=False),
                    sa.Column('publishes_on', sa.Date(), nullable=False),
                    sa.Column('expires_on', sa.Date(), nullable=True))
    _index('news_item', 'municipality', 'publishes_on', 'expires_on')

    op.create_table('agenda_item', *_stamped(),
                    sa.Column('site', sa.String(length=10), nullable=False),
                    sa.Column('title', sa.String(length=150), nullable=False),
                    sa.Column('description', sa.Text(), nullable=False),
                    sa.Column('starts_at', sa.DateTime(), nullable=False),
                    sa.Column('ends_at', sa.DateTime(), nullable=True),
                    sa.Column('place', sa.String(length=200), nullable=False),
                    sa.Column('link', sa.String(length=500), nullable=True),
                    sa.Column('expires_on', sa.Date(), nullable=True),
                    sa.Column('visible_until', sa.DateTime(), nullable=False))
    _index('agenda_item', 'municipality', 'starts_at', 'visible_until')

    op.create_table('course', *_stamped(),
                    sa.Column('title', sa.String(length=150), nullable=False),
                    sa.Column('description', sa.Text(), nullable=False),
                    sa.Column('starts_on', sa.Date(), nullable=False),
                    sa.Column('ends_on', sa.Date(), nullable=True),
                    sa.Column('last_day', sa.Date(), nullable=False),
                    sa.Column('schedule', sa.String(length=200), nullable=False),
                    sa.Column('place', sa.String(length=200), nullable=False),
                    sa.Column('audiences', sa.JSON(), nullable=False),
                    sa.Column('age_phases', sa.JSON(), nullable=False),
                    sa.Column('cost', sa.String(length=100), nullable=False),
                    sa.Column('signup_url', sa.String(length=500), nullable=True),
                    sa.Column('no_signup', sa.Boolean(), nullable=False))
    _index('course', 'municipality', 'last_day')

    op.create_table('poll', *_stamped(),
                    sa.Column('site', sa.String(length=10), nullable=False),
                    sa.Column('question', sa.String(length=200), nullable=False),
                    sa.Column('starts_on', sa.Date(), nullable=False),
                    sa.Column('ends_on', sa.Date(), nullable=False))
    _index('poll', 'municipality', 'starts_on', 'ends_on')

    op.create_table('poll_option',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('poll_id', sa.Integer(), nullable=False),
                    sa.Column('position', sa.Integer(), nullable=False),
                    sa.Column('label', sa.String(length=100), nullable=False),
                    sa.Column('votes', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'))
    _index('poll_option', 'poll_id')


def downgrade():
    for table in ('poll_option', 'poll', 'course', 'agenda_item', 'news_item'):
        op.drop_table(table)
