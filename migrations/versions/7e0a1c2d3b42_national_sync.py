"""national content sync runs and changes

Revision ID: 7e0a1c2d3b42
Revises: 7e0a1c2d3b41
Create Date: 2026-11-22 16:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7e0a1c2d3b42'
down_revision = '7e0a1c2d3b41'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('national_sync_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('full', sa.Boolean(), nullable=False),
    sa.Column('changed_after', sa.DateTime(timezone=True), nullable=True),
    sa.Column('generated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('worker_id', sa.Integer(), nullable=True),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Integer(), nullable=False),
    sa.Column('restored', sa.Integer(), nullable=False),
    sa.Column('withdrawn', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('national_sync_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_national_sync_run_started_at'), ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_national_sync_run_status'), ['status'], unique=False)

    op.create_table('national_sync_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('external_reference', sa.String(length=100), nullable=False),
    sa.Column('content_set', sa.String(length=100), nullable=False),
    sa.Column('slug', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.String(length=400), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('title_before', sa.String(length=200), nullable=True),
    sa.Column('summary_before', sa.String(length=400), nullable=True),
    sa.Column('body_before', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['run_id'], ['national_sync_run.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('national_sync_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_national_sync_change_run_id'), ['run_id'], unique=False)

    op.create_table('national_sync_problem',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('message', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['national_sync_run.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('national_sync_problem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_national_sync_problem_run_id'), ['run_id'], unique=False)


def downgrade():
    with op.batch_alter_table('national_sync_problem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_national_sync_problem_run_id'))
    op.drop_table('national_sync_problem')
    with op.batch_alter_table('national_sync_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_national_sync_change_run_id'))
    op.drop_table('national_sync_change')
    with op.batch_alter_table('national_sync_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_national_sync_run_status'))
        batch_op.drop_index(batch_op.f('ix_national_sync_run_started_at'))
    op.drop_table('national_sync_run')
