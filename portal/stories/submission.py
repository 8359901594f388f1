"""What a writer sends: the fields, their limits and checks, and storing a
new story in the queue. The same checks apply when an editor edits."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy.orm import Session

from portal.numbers import whole_number
from portal.stories import photos
from portal.stories.models import Story

MAX_TITLE = 100
MIN_TEXT = 30
MAX_TEXT = 5000
MAX_SIGNATURE = 40
MAX_ALT = 200
AGES = range(12, 24)  # JongIn is for 12 to 23


@dataclass
class Draft:
    """The form as typed: every field a string, kept as it is when it has errors."""
    title: str = ""
    text: str = ""
    signature: str = ""
    age: str = ""
    theme: str = ""
    photo_alt: str = ""
    consent: str = ""

    @classmethod
    def from_form(cls, form) -> Draft:
        """From a form mapping, kept as typed (line ends made plain)."""
        return cls(**{f.name: str(form.get(f.name, "")).replace("\r\n", "\n") for f in fields(cls)})

    @classmethod
    def of(cls, story: Story) -> Draft:
        return cls(title=story.title, text=story.text, signature=story.signature or "",
                   age=str(story.age or ""), theme=story.theme or "", photo_alt=story.photo_alt or "",
                   consent="1")


def validate(draft: Draft, themes, has_photo: bool, need_consent: bool = True) -> dict[str, str]:
    """Field name -> error code; empty when the draft can be stored. `themes`
    are the allowed theme slugs. A preview and an editor's edit need no consent."""
    errors = {}
    title, text = draft.title.strip(), draft.text.strip()
    if not title:
        errors["title"] = "empty"
    elif len(title) > MAX_TITLE:
        errors["title"] = "too_long"
    if not text:
        errors["text"] = "empty"
    elif len(text) < MIN_TEXT:
        errors["text"] = "too_short"
    elif len(text) > MAX_TEXT:
        errors["text"] = "too_long"
    if len(draft.signature.strip()) > MAX_SIGNATURE:
        errors["signature"] = "too_long"
    age = draft.age.strip()
    if age and whole_number(age) not in AGES:
        errors["age"] = "out_of_range"
    if draft.theme and draft.theme not in themes:
        errors["theme"] = "unknown"
    alt = draft.photo_alt.strip()
    if has_photo and not alt:
        errors["photo_alt"] = "empty"
    elif len(alt) > MAX_ALT:
        errors["photo_alt"] = "too_long"
    if need_consent and not draft.consent:
        errors["consent"] = "missing"
    return errors


def apply(story: Story, draft: Draft, has_photo: bool) -> None:
    """Copy a valid draft onto a story."""
    story.title = draft.title.strip()
    story.text = draft.text.strip()
    story.signature = draft.signature.strip() or None
    story.age = int(draft.age) if draft.age.strip() else None
    story.theme = draft.theme or None
    story.photo_alt = draft.photo_alt.strip() if has_photo else None


def submit(session: Session, draft: Draft, photo: photos.Photo | None, folder: Path) -> Story:
    """Put a valid draft in the editors' queue; its photo is saved under a new name."""
    story = Story(status="submitted")
    apply(story, draft, photo is not None)
    if photo is not None:
        story.photo_name = photos.save(photo, folder)
        story.photo_width, story.photo_height = photo.width, photo.height
    session.add(story)
    session.commit()
    return story
