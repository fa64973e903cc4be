"""Database URLs as users write them."""

from __future__ import annotations

import pytest

from planwatch.errors import StoreError
from planwatch.store import Store
from planwatch.store.engine import database_url


@pytest.mark.parametrize("written, used", [
    ("postgresql://postgres@127.0.0.1:5432/plans", "postgresql+psycopg://postgres@127.0.0.1:5432/plans"),
    ("postgres://postgres@db:5432/plans", "postgresql+psycopg://postgres@db:5432/plans"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///var/planwatch.db", "sqlite:///var/planwatch.db"),
])
def test_postgresql_urls_use_psycopg_3(written, used):
    assert database_url(written).render_as_string(hide_password=False) == used


@pytest.mark.parametrize("url, message", [("mysql://u@h/db", "unsupported database"), ("not a url", "not a database URL")])
def test_other_databases_are_refused_by_name(url, message):
    with pytest.raises(StoreError, match=message):
        database_url(url)


def test_the_default_comes_from_the_environment(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'sub' / 'from_env.db'}"
    monkeypatch.setenv("PLANWATCH_DATABASE_URL", url)
    with Store() as store:
        assert store.url == url
    assert (tmp_path / "sub" / "from_env.db").exists()


def test_an_in_memory_sqlite_store_works_within_one_process(document, facts):
    with Store("sqlite://") as store:
        store.add_document(document, facts)
        assert len(store.facts()) == 5


def test_a_database_folder_that_cannot_be_made_is_a_store_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store(f"sqlite:///{tmp_path / 'file' / 'sub' / 'x.db'}")
