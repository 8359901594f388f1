"""young people's stories and photos

Revision ID: 7e0a1c2d3b44
Revises: 7e0a1c2d3b43
Create Date: 2026-11-22 16:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7e0a1c2d3b44'
down_revision = '7e0a1c2d3b43'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('story',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('signature', sa.String(length=40), nullable=True),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('theme', sa.String(length=50), nullable=True),
    sa.Column('photo_name', sa.String(length=40), nullable=True),
    sa.Column('photo_alt', sa.String(length=200), nullable=True),
    sa.Column('photo_width', sa.Integer(), nullable=True),
    sa.Column('photo_height', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('moderation_note', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_decided_at'), ['decided_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_status'))
        batch_op.drop_index(batch_op.f('ix_story_decided_at'))
        batch_op.drop_index(batch_op.f('ix_story_created_at'))

    op.drop_table('story')
