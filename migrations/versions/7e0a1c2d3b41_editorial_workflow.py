"""editorial workflow: staff roles, article revisions, editorial audit

Revision ID: 7e0a1c2d3b41
Revises: 41354295cfb6
Create Date: 2026-11-22 16:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7e0a1c2d3b41'
down_revision = '41354295cfb6'
branch_labels = None
depends_on = None


def upgrade():
    # the editorial roles ("eindredacteur") are longer than the first two
    with op.batch_alter_table('worker') as batch:
        batch.alter_column('role', existing_type=sa.String(length=12), type_=sa.String(length=20))
    # --- editorial workflow tables below ---
    with op.batch_alter_table('article') as batch:
        batch.add_column(sa.Column('state', sa.String(length=12), nullable=False, server_default='published'))
        batch.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch.add_column(sa.Column('editor_managed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('publish_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_index(batch.f('ix_article_state'), ['state'], unique=False)
        batch.create_index(batch.f('ix_article_publish_at'), ['publish_at'], unique=False)
    op.execute(sa.text("UPDATE article SET state = 'unpublished' WHERE published = :no").bindparams(no=False))
    op.create_table('article_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.String(length=400), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('addition_to', sa.String(length=100), nullable=True),
    sa.Column('review_by', sa.Date(), nullable=True),
    sa.Column('example', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'number')
    )
    with op.batch_alter_table('article_revision') as batch:
        batch.create_index(batch.f('ix_article_revision_article_id'), ['article_id'], unique=False)
        batch.create_index(batch.f('ix_article_revision_worker_id'), ['worker_id'], unique=False)


def downgrade():
    # --- editorial workflow tables above ---
    op.drop_table('article_revision')
    with op.batch_alter_table('article') as batch:
        batch.drop_index(batch.f('ix_article_publish_at'))
        batch.drop_index(batch.f('ix_article_state'))
        batch.drop_column('publish_at')
        batch.drop_column('editor_managed')
        batch.drop_column('version')
        batch.drop_column('state')
    with op.batch_alter_table('worker') as batch:
        batch.alter_column('role', existing_type=sa.String(length=20), type_=sa.String(length=12))
