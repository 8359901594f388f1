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


def downgrade():
    # --- editorial workflow tables above ---
    with op.batch_alter_table('worker') as batch:
        batch.alter_column('role', existing_type=sa.String(length=20), type_=sa.String(length=12))
