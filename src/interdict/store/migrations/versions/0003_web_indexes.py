"""web indexes: the hit list walks hits by (unit,) status, score high to low, then id, and stops
at a page, instead of sorting every open hit of a jurisdiction on each request; and the recent
sign-in attempts by address, so the login rate limit holds across server processes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 19:00:00
"""

from alembic import op
import sqlalchemy as sa
import interdict.store.database


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('at', interdict.store.database.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts'))
    )
    op.create_index('ix_login_attempts_address_at', 'login_attempts', ['address', 'at'], unique=False)
    op.create_index(op.f('ix_login_attempts_at'), 'login_attempts', ['at'], unique=False)
    op.drop_index('ix_hits_unit_status_score', table_name='hits')
    op.create_index('ix_hits_unit_status_rank', 'hits', ['unit', 'status', sa.text('score DESC'), 'id'], unique=False)
    op.create_index('ix_hits_status_rank', 'hits', ['status', sa.text('score DESC'), 'id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_login_attempts_at'), table_name='login_attempts')
    op.drop_index('ix_login_attempts_address_at', table_name='login_attempts')
    op.drop_table('login_attempts')
    op.drop_index('ix_hits_status_rank', table_name='hits')
    op.drop_index('ix_hits_unit_status_rank', table_name='hits')
    op.create_index('ix_hits_unit_status_score', 'hits', ['unit', 'status', 'score'], unique=False)
