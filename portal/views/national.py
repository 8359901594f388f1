"""De landelijke inhoud: synchronisatie en wat er veranderde."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("national", __name__, url_prefix="/redactie/landelijk")
