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


def upgrade():
    pass


def downgrade():
    pass
