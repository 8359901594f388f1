"""The app factory and its configuration."""
from portal import create_app


def test_config_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "inst"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'inst' / 'portal.sqlite3'}"
    key = app.config["SECRET_KEY"]
    assert len(key) == 64
    # the generated key is kept in instance/ and reused
    assert create_app().config["SECRET_KEY"] == key
    assert (tmp_path / "inst" / "secret_key").read_text().strip() == key


def test_database_url_and_secret_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", "postgres://u@localhost/x")
    monkeypatch.setenv("SECRET_KEY", "from-env")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql://u@localhost/x"
    assert app.config["SECRET_KEY"] == "from-env"


def test_testing_flag(app):
    assert app.testing
