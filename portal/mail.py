"""Send a short e-mail: through SMTP when MAIL_SERVER is set, otherwise into
instance/outbox/ so a developer can see what would have been sent."""
from __future__ import annotations

import smtplib
import time
from email.message import EmailMessage
from pathlib import Path

from flask import current_app


def send(to: str, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"] = current_app.config.get("MAIL_FROM", "noreply@cjg.invalid")
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    server = current_app.config.get("MAIL_SERVER")
    if server:
        with smtplib.SMTP(server, int(current_app.config.get("MAIL_PORT", 25)), timeout=10) as smtp:
            smtp.send_message(message)
        return
    outbox = Path(current_app.instance_path) / "outbox"
    outbox.mkdir(parents=True, exist_ok=True)
    (outbox / f"{time.time_ns()}.eml").write_bytes(bytes(message))
