"""A photo with a story: checked by decoding it (never by its name or type),
turned upright, stripped of every piece of metadata (EXIF with GPS, XMP,
comments, colour profiles), made smaller and saved as a new JPEG under a
random name."""
from __future__ import annotations

import io
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 5 * 1024 * 1024        # the largest photo we take
MAX_PIXELS = 40_000_000            # decompression-bomb guard: checked before decoding
MAX_SIDE = 1600                    # the stored photo's longest side
QUALITY = 82
NAME_LENGTH = 36                   # 32 hex characters + ".jpg"
SRGB = ImageCms.createProfile("sRGB")


class PhotoError(ValueError):
    """Why a photo was refused: empty, too_large, too_many_pixels or not_an_image."""


@dataclass(frozen=True)
class Photo:
    data: bytes  # a clean JPEG
    width: int
    height: int


def process(data: bytes) -> Photo:
    """Decode the upload and return a clean, re-encoded JPEG. Raises PhotoError."""
    if not data:
        raise PhotoError("empty")
    if len(data) > MAX_BYTES:
        raise PhotoError("too_large")
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as image:
            if image.width * image.height > MAX_PIXELS:
                raise PhotoError("too_many_pixels")
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a smaller scale when it can
            image.load()
            clean = _clean(image)
    except PhotoError:
        raise
    except Image.DecompressionBombError as exc:
        raise PhotoError("too_many_pixels") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise PhotoError("not_an_image") from exc
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return Photo(out.getvalue(), clean.width, clean.height)


def _clean(image: Image.Image) -> Image.Image:
    """The pixels only, upright, in sRGB, on a white background, at most MAX_SIDE."""
    image = ImageOps.exif_transpose(image)
    image = _to_srgb(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    rgba = image.convert("RGBA")
    clean = Image.new("RGB", rgba.size, "white")  # a new image carries no metadata at all
    clean.paste(rgba, mask=rgba.getchannel("A"))
    return clean


def _to_srgb(image: Image.Image) -> Image.Image:
    """Colours of a photo with its own profile (a phone's Display P3) converted
    to sRGB, so they look right once the profile is gone."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        return ImageCms.profileToProfile(image, io.BytesIO(profile), SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def save(photo: Photo, folder: Path) -> str:
    """Write the photo under a new random name; returns the name."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.jpg"
    partial = folder / f".{name}.part"
    partial.write_bytes(photo.data)
    os.replace(partial, folder / name)
    return name


def path(folder: Path, name: str) -> Path | None:
    """The file of a stored photo; None for a name we did not make."""
    if len(name) != NAME_LENGTH or not name.endswith(".jpg") or not all(c in "0123456789abcdef" for c in name[:32]):
        return None
    found = folder / name
    return found if found.is_file() else None


def remove(folder: Path, name: str | None) -> None:
    if name and (found := path(folder, name)) is not None:
        found.unlink(missing_ok=True)


def folder(upload_dir: str | Path) -> Path:
    """Where the photos of stories are kept: UPLOAD_DIR/stories."""
    return Path(upload_dir) / "stories"
