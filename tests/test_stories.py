"""Young people's stories on JongIn: nothing is public before an editor
approves it; photos are checked by decoding, cleaned of metadata and only
served when approved; moderation needs the right "moderate"; nothing traces
the writer. Test images are made here with Pillow."""
import datetime as dt
import io
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image
from sqlalchemy import select

from portal.ehulp.models import AuditEntry
from portal.extensions import db
from portal.privacy import PATTERNS
from portal.stories import hints, moderation, photos
from portal.stories.models import Story
from portal.stories.submission import Draft, submit
from tests.test_ehulp import csrf_of, login, make_worker

STORY = {"title": "Mijn eerste baantje", "text": "Ik werk sinds de zomer bij de supermarkt. Eerst vond ik het eng, "
         "nu vind ik het leuk.\n\nMijn tip: vraag gewoon alles.", "signature": "jongen, 16", "age": "16",
         "theme": "geld-en-werk", "consent": "1", "action": "send"}
EDITOR = "eva@cjg.example"


def image(fmt="JPEG", size=(640, 480), color=(20, 140, 120), **options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt, **options)
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    """A photo as a phone makes it: EXIF with GPS, camera, orientation (turn 90 degrees), a comment."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (52.0, 15.0, 19.0), 3: "E", 4: (6.0, 9.0, 45.0)}
    return image(size=(400, 300), exif=exif.tobytes(), comment=b"Lisa de Vries, 06-12345678")


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture: a decompression bomb."""
    data = bytearray(image("PNG", size=(8, 8)))
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def send(client, photo: bytes | None = None, name="foto.jpg", **fields):
    data = {**STORY, **fields}
    if photo is not None:
        data["photo"] = (io.BytesIO(photo), name)
        data.setdefault("photo_alt", "Een groen vlak")
    return client.post("/jongeren/verhalen/schrijven", data=data, content_type="multipart/form-data")


def editor(app, role="eindredacteur", email=EDITOR):
    make_worker(app, email, role, "Eva")
    client = app.test_client()
    login(client, email)
    return client


def stored(app) -> list[Story]:
    with app.app_context():
        stories = list(db.session.scalars(select(Story).order_by(Story.id)))
        db.session.expunge_all()
        return stories


def folder(app) -> Path:
    return photos.folder(app.config["UPLOAD_DIR"])


def add_story(app, status="submitted", photo: bytes | None = None, **fields) -> int:
    with app.app_context():
        draft = Draft(**{k: v for k, v in {**STORY, **fields}.items() if k != "action"})
        processed = photos.process(photo) if photo else None
        if processed:
            draft.photo_alt = draft.photo_alt or "Een groen vlak"
        story = submit(db.session, draft, processed, folder(app))
        if status != "submitted":
            story.status, story.decided_at = status, dt.datetime.now(dt.timezone.utc)
            db.session.commit()
        return story.id


def audit_actions(app) -> list[tuple[str, str]]:
    with app.app_context():
        return [(a, t) for a, t in db.session.execute(select(AuditEntry.action, AuditEntry.target)
                                                      .where(AuditEntry.action.like("story.%"))
                                                      .order_by(AuditEntry.id))]


# --- sending a story -------------------------------------------------------------------

def test_a_sent_story_waits_for_an_editor(app, client):
    empty = client.get("/jongeren/verhalen").get_data(as_text=True)
    assert "Jij kunt de eerste zijn" in empty and "/jongeren/verhalen/schrijven" in empty
    form = client.get("/jongeren/verhalen/schrijven").get_data(as_text=True)
    assert "Snapchat" in form and "school" in form and 'enctype="multipart/form-data"' in form

    response = send(client)
    assert response.status_code == 302 and response.headers["Location"] == "/jongeren/verhalen/bedankt"
    thanks = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "leest je verhaal eerst" in thanks and "paar dagen" in thanks
    assert "/sociale-kaart?category=hulplijn" in thanks  # where to go for help now
    [story] = stored(app)
    assert story.status == "submitted" and story.title == "Mijn eerste baantje" and story.age == 16
    assert "Mijn eerste baantje" not in client.get("/jongeren/verhalen").get_data(as_text=True)
    assert client.get(f"/jongeren/verhalen/{story.id}").status_code == 404
    assert "set-cookie" not in {k.lower() for k in response.headers.keys()}  # no session for the writer


def test_form_keeps_input_and_ties_errors_to_fields(app, client):
    response = send(client, title="", text="Te kort", age="30", theme="zwangerschap", consent="",
                    signature="meisje, 15")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and not stored(app)
    assert "Geef je verhaal een titel." in page and "Je verhaal is nog heel kort" in page
    assert "van 12 tot en met 23" in page and "Kies een onderwerp uit de lijst" in page
    assert "Zet een vinkje" in page
    assert re.search(r'id="story-age" name="age" value="30"[^>]*aria-describedby="story-age-hint '
                     r'story-age-error" aria-invalid="true"', page)
    assert 'id="story-age-error"' in page and 'href="#story-title"' in page
    assert ">Te kort</textarea>" in page and 'value="meisje, 15"' in page
    too_long = send(client, text="x" * 5001).get_data(as_text=True)
    assert "Maak het korter dan 5000 tekens" in too_long


def test_preview_warns_the_writer_about_personal_details(app, client):
    text = "Bel me maar op 06-12345678 als je ook zo'n baantje wilt, of volg me op @lisa_16."
    preview = send(client, text=text, action="preview", consent="")  # looking needs no consent yet
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Zo ziet je verhaal eruit" in page and not stored(app)
    assert "een telefoonnummer" in page and "een naam van Snapchat" in page
    # sending straight away still shows the warning first
    first = send(client, text=text).get_data(as_text=True)
    assert "Toch zo versturen" in first and not stored(app)
    confirm = re.search(r'name="confirm" value="([^"]+)"', first).group(1)
    assert send(client, text=text, confirm=confirm).status_code == 302
    assert [s.text for s in stored(app)] == [text]  # the writer's own words, until an editor decides


def test_submissions_are_rate_limited(app, client, redis_window):
    app.config.update(REDIS_URL=redis_window, STORY_RATE_LIMIT=2)
    assert [send(client, title=f"Verhaal {i}").status_code for i in range(2)] == [302, 302]
    limited = send(client, title="Nog een verhaal")
    page = limited.get_data(as_text=True)
    assert limited.status_code == 429 and "Wacht een uur" in page and 'value="Nog een verhaal"' in page
    assert len(stored(app)) == 2
    app.config["STORY_PHOTO_RATE_LIMIT"] = 1  # every new photo is decoded, also in a preview
    assert send(client, image(), action="preview").status_code == 200
    again = send(client, image(), action="preview")
    assert again.status_code == 400 and "heel veel foto" in again.get_data(as_text=True)


# --- photos ----------------------------------------------------------------------------

def test_photo_is_cleaned_of_metadata_turned_upright_and_renamed(app, client):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test photo really has GPS
    assert send(client, original, name="IMG_2041.jpg").status_code == 302
    [story] = stored(app)
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", story.photo_name) and story.photo_alt == "Een groen vlak"
    data = (folder(app) / story.photo_name).read_bytes()
    clean = Image.open(io.BytesIO(data))
    assert clean.format == "JPEG" and (clean.width, clean.height) == (300, 400) == (story.photo_width,
                                                                                   story.photo_height)
    assert not clean.getexif() and not clean.getexif().get_ifd(0x8825)
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(clean.info)
    assert b"Exif" not in data and b"PhoneMaker" not in data and b"Lisa" not in data


def test_big_photo_is_made_smaller(app):
    result = photos.process(image("PNG", size=(4000, 1000)))
    assert (result.width, result.height) == (photos.MAX_SIDE, 400)


@pytest.mark.parametrize("payload, name", [
    (b"Dit is gewoon tekst, geen foto.\n" * 20, "foto.jpg"),
    (image("GIF"), "animatie.gif"),
    (image("BMP"), "plaatje.png"),
    (image()[:400], "kapot.jpg"),
])
def test_not_a_photo_we_take_is_refused_with_input_kept(app, client, payload, name):
    response = send(client, payload, name=name)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "kunnen we niet openen als foto" in page
    assert 'value="Mijn eerste baantje"' in page and "Mijn tip: vraag gewoon alles." in page
    assert not stored(app) and not (folder(app).exists() and any(folder(app).iterdir()))


def test_too_large_photo_gets_a_kind_error_and_keeps_the_text(app, client):
    big = image() + b"\0" * photos.MAX_BYTES  # a real JPEG, over the limit
    response = send(client, big)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Je foto is groter dan 5 MB" in page
    assert 'value="Mijn eerste baantje"' in page and 'value="Een groen vlak"' in page and not stored(app)


def test_far_too_large_upload_gets_a_kind_page_not_a_raw_413(app, client):
    response = send(client, b"\xff" * (26 * 1024 * 1024))
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "veel te groot" in page and "Schrijf je verhaal opnieuw" in page
    assert 'id="story-text"' in page and not stored(app)


@pytest.mark.parametrize("size", [(8000, 8000), (30000, 30000), (200000, 200000)])
def test_decompression_bomb_is_refused_before_decoding(app, client, size):
    response = send(client, png_claiming(*size), name="bom.png")
    assert response.status_code == 400 and "te groot om te openen" in response.get_data(as_text=True)
    assert not stored(app)


def test_checked_photo_survives_a_form_error(app, client):
    first = send(client, image(), title="")
    page = first.get_data(as_text=True)
    assert first.status_code == 400 and 'src="data:image/jpeg;base64,' in page
    kept = re.search(r'name="photo_kept" value="([^"]+)"', page).group(1)
    assert send(client, photo_kept=kept, photo_alt="Een groen vlak").status_code == 302
    [story] = stored(app)
    assert story.photo_name and story.photo_alt == "Een groen vlak"
    assert send(client, photo_kept="bm90IGEgcGhvdG8=").status_code == 400  # tampered: checked again
    assert send(client, image(), photo_alt="").status_code == 400  # a photo needs its description


def test_photo_is_only_public_once_approved(app, client):
    story_id = add_story(app, photo=image())
    assert client.get(f"/jongeren/verhalen/{story_id}/foto").status_code == 404
    moderator = editor(app)
    private = moderator.get(f"/redactie/verhalen/{story_id}/foto")
    assert private.status_code == 200 and private.mimetype == "image/jpeg"
    assert private.headers["X-Content-Type-Options"] == "nosniff" and "no-store" in private.headers["Cache-Control"]
    moderator.post(f"/redactie/verhalen/{story_id}/goedkeuren", data={"csrf": csrf_of(moderator, "/redactie/verhalen")})
    public = client.get(f"/jongeren/verhalen/{story_id}/foto")
    assert public.status_code == 200 and public.mimetype == "image/jpeg"
    assert public.headers["X-Content-Type-Options"] == "nosniff"
    page = client.get(f"/jongeren/verhalen/{story_id}").get_data(as_text=True)
    assert f'src="/jongeren/verhalen/{story_id}/foto" alt="Een groen vlak"' in page
    moderator.post(f"/redactie/verhalen/{story_id}/offline",
                   data={"csrf": csrf_of(moderator, "/redactie/verhalen"), "note": "Toch herkenbaar"})
    assert client.get(f"/jongeren/verhalen/{story_id}/foto").status_code == 404


# --- moderation ------------------------------------------------------------------------

def test_editor_approves_and_the_story_appears(app, client):
    story_id = add_story(app)
    moderator = editor(app)
    queue = moderator.get("/redactie/verhalen").get_data(as_text=True)
    assert "Mijn eerste baantje" in queue and "Wachten op beoordeling (1)" in queue
    review = moderator.get(f"/redactie/verhalen/{story_id}").get_data(as_text=True)
    assert "Zo komt het op JongIn" in review and "Mijn tip: vraag gewoon alles." in review
    csrf = csrf_of(moderator, "/redactie/verhalen")
    assert moderator.post(f"/redactie/verhalen/{story_id}/goedkeuren", data={}).status_code == 400  # no CSRF
    done = moderator.post(f"/redactie/verhalen/{story_id}/goedkeuren", data={"csrf": csrf}, follow_redirects=True)
    assert "Het verhaal staat nu op JongIn." in done.get_data(as_text=True)
    listing = client.get("/jongeren/verhalen").get_data(as_text=True)
    assert "Mijn eerste baantje" in listing and "jongen, 16" in listing
    page = client.get(f"/jongeren/verhalen/{story_id}").get_data(as_text=True)
    assert "<p>Mijn tip: vraag gewoon alles.</p>" in page and "Geld, werk en schulden" in page
    assert audit_actions(app) == [("story.approve", str(story_id))]
    again = moderator.post(f"/redactie/verhalen/{story_id}/goedkeuren", data={"csrf": csrf}, follow_redirects=True)
    assert "Over dit verhaal is al besloten." in again.get_data(as_text=True)


def test_editor_edits_then_only_the_approved_text_is_kept(app, client):
    original = "Ik zit op het Alexander Hegius. Bel me op 06-12345678 als je ook gepest wordt, echt."
    story_id = add_story(app, text=original, photo=image())
    moderator = editor(app)
    review = moderator.get(f"/redactie/verhalen/{story_id}").get_data(as_text=True)
    assert "Mogelijk persoonsgegevens:" in review and "een telefoonnummer" in review
    assert "[telefoonnummer]" in review  # the scrubbed version, to compare
    csrf = csrf_of(moderator, "/redactie/verhalen")
    form = {"csrf": csrf, "edit": "1", "title": "", "text": "Ik word gepest.", "photo_alt": "",
            "signature": "", "age": "", "theme": "pesten"}
    refused = moderator.post(f"/redactie/verhalen/{story_id}/goedkeuren", data=form)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "Geef je verhaal een titel." in page and ">Ik word gepest.</textarea>" in page
    assert stored(app)[0].status == "submitted" and stored(app)[0].text == original  # kept until decided
    edited = "Ik word gepest op school. Als jij dat ook meemaakt: praat erover, echt."
    form.update(title="Gepest", text=edited, drop_photo="1", note="School en nummer weggehaald")
    moderator.post(f"/redactie/verhalen/{story_id}/goedkeuren", data=form)
    [story] = stored(app)
    assert (story.status, story.text, story.title, story.edited) == ("approved", edited, "Gepest", True)
    assert story.photo_name is None and not any(folder(app).iterdir())
    assert story.moderation_note == "School en nummer weggehaald" and story.theme == "pesten"
    with app.app_context():
        dump = " ".join(str(v) for row in db.session.execute(sa.text("SELECT * FROM story")) for v in row)
    assert "06-12345678" not in dump and "Hegius" not in dump
    assert audit_actions(app) == [("story.edit", str(story_id)), ("story.approve", str(story_id))]
    assert edited in client.get(f"/jongeren/verhalen/{story_id}").get_data(as_text=True)


def test_editor_rejects_with_a_note_and_takes_stories_offline(app, client):
    waiting = add_story(app, title="Niet geschikt")
    online = add_story(app, title="Staat online", status="approved")
    moderator = editor(app)
    csrf = csrf_of(moderator, "/redactie/verhalen")
    no_note = moderator.post(f"/redactie/verhalen/{waiting}/afwijzen", data={"csrf": csrf}, follow_redirects=True)
    assert "Schrijf kort op waarom" in no_note.get_data(as_text=True)
    moderator.post(f"/redactie/verhalen/{waiting}/afwijzen", data={"csrf": csrf, "note": "Te herkenbaar"})
    moderator.post(f"/redactie/verhalen/{online}/offline", data={"csrf": csrf, "note": "Schrijver vroeg erom"})
    by_id = {s.id: s for s in stored(app)}
    assert by_id[waiting].status == by_id[online].status == "rejected"
    assert by_id[waiting].moderation_note == "Te herkenbaar"
    assert client.get(f"/jongeren/verhalen/{waiting}").status_code == 404
    assert client.get(f"/jongeren/verhalen/{online}").status_code == 404
    assert "Staat online" not in client.get("/jongeren/verhalen").get_data(as_text=True)
    assert audit_actions(app) == [("story.reject", str(waiting)), ("story.unpublish", str(online))]


MODERATION_ROUTES = [("get", "/redactie/verhalen"), ("get", "/redactie/verhalen/{id}"),
                     ("get", "/redactie/verhalen/{id}/foto"), ("post", "/redactie/verhalen/{id}/goedkeuren"),
                     ("post", "/redactie/verhalen/{id}/afwijzen"), ("post", "/redactie/verhalen/{id}/offline")]


def test_moderation_needs_the_right_to_moderate(app):
    story_id = add_story(app, photo=image())
    anonymous = app.test_client()
    for method, route in MODERATION_ROUTES:
        response = getattr(anonymous, method)(route.format(id=story_id), data={})
        assert response.status_code == 302 and response.headers["Location"].startswith("/medewerker/login"), route
    for role in ("redacteur", "worker", "supervisor"):
        client = editor(app, role, f"{role}@cjg.example")
        csrf = csrf_of(client, "/medewerker/login")
        for method, route in MODERATION_ROUTES:
            response = getattr(client, method)(route.format(id=story_id), data={"csrf": csrf, "note": "x"})
            assert response.status_code == 403, (role, route)
    assert stored(app)[0].status == "submitted" and audit_actions(app) == []
    for role in ("eindredacteur", "admin"):
        client = editor(app, role, f"{role}@cjg.example")
        for method, route in MODERATION_ROUTES[:3]:
            assert client.get(route.format(id=story_id)).status_code == 200, (role, route)
    boss = editor(app, "admin", "baas@cjg.example")
    assert 'href="/redactie/verhalen" aria-current="page"' in boss.get("/redactie/verhalen").get_data(as_text=True)
    assert boss.post(f"/redactie/verhalen/{story_id}/afwijzen",
                     data={"csrf": csrf_of(boss, "/redactie/verhalen"), "note": "Dubbel"}).status_code == 302


def test_markup_in_a_story_is_shown_as_text(app, client):
    story_id = add_story(app, status="approved", title="<script>alert(1)</script>",
                         text='Ik schreef <b>vet</b> en <img src=x onerror="alert(2)"> in mijn verhaal, echt waar.',
                         signature="<i>meisje</i>")
    page = client.get(f"/jongeren/verhalen/{story_id}").get_data(as_text=True)
    listing = client.get("/jongeren/verhalen").get_data(as_text=True)
    review = editor(app).get(f"/redactie/verhalen/{story_id}").get_data(as_text=True)
    for html in (page, listing, review):
        assert "<script>alert(1)" not in html and "<b>vet</b>" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in page and "&lt;i&gt;meisje&lt;/i&gt;" in page


def test_nothing_that_traces_the_writer_is_stored(app):
    with app.app_context():
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("story")}
    assert {"title", "text", "signature", "status", "moderation_note"} <= columns
    assert not any("ip" == c or c.endswith("_ip") or any(word in c for word in (
        "address", "agent", "cookie", "session", "email", "device", "user", "hash")) for c in columns)


def test_public_list_is_paginated_newest_first(app, client):
    ids = [add_story(app, title=f"Verhaal nummer {i}", status="approved") for i in range(12)]
    first = client.get("/jongeren/verhalen").get_data(as_text=True)
    second = client.get("/jongeren/verhalen?page=2").get_data(as_text=True)
    titles = re.findall(r"Verhaal nummer (\d+)", first)
    assert titles == [str(i) for i in range(11, 1, -1)] and "Pagina 1 van 2" in first
    assert re.findall(r"Verhaal nummer (\d+)", second) == ["1", "0"] and 'rel="prev"' in second
    assert client.get("/jongeren/verhalen?page=abc").status_code == 200
    assert client.get("/jongeren/verhalen?page=²").status_code == 200  # str.isdigit() says yes, int() says no
    assert client.get(f"/jongeren/verhalen/{ids[0]}").status_code == 200


def test_purge_deletes_old_rejected_and_unreviewed_stories_with_their_photos(app, runner):
    old = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=31)
    ids = {name: add_story(app, title=name, photo=image(), status=status) for name, status in (
        ("oud afgewezen", "rejected"), ("oud wachtend", "submitted"), ("oud online", "approved"),
        ("nieuw wachtend", "submitted"), ("nieuw afgewezen", "rejected"))}
    stray = folder(app) / ("ab" * 16 + ".jpg")
    stray.write_bytes(b"left behind")
    with app.app_context():
        for name in ("oud afgewezen", "oud wachtend", "oud online"):
            story = db.session.get(Story, ids[name])
            story.created_at = old
            story.decided_at = old if story.decided_at else None
        db.session.commit()
    os.utime(stray, (old.timestamp(), old.timestamp()))
    result = runner.invoke(args=["privacy", "purge"])
    assert result.exit_code == 0 and "Gewist: 2 verhalen van jongeren" in result.output
    left = stored(app)
    assert sorted(s.title for s in left) == ["nieuw afgewezen", "nieuw wachtend", "oud online"]
    assert {p.name for p in folder(app).iterdir()} == {s.photo_name for s in left}
    with app.app_context():
        assert moderation.purge(db.session, 30, folder(app)) == 0


def test_every_scrub_label_has_a_hint():
    assert set(hints.SCRUBBED) == {label for _pattern, label in PATTERNS}
    assert hints.find("Mail naar lisa@voorbeeld.nl of bel 0612345678") == ["email", "phone"]
    assert hints.find("Mijn snap is lisa.15") == ["handle"] and hints.find("Gewoon een verhaal.") == []


def test_jongin_home_links_to_the_stories(app, client):
    page = client.get("/jongeren/").get_data(as_text=True)
    assert 'href="/jongeren/verhalen"' in page and 'href="/jongeren/verhalen/schrijven"' in page

