"""Nieuws, agenda, cursussen en activiteiten, de poll en de nieuwsbrief."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("board", __name__)
