"""Persistence: SQLAlchemy engine, declarative base and Alembic migrations."""
