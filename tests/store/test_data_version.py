"""The data version: every write raises it, every read leaves it, and another process's
write is seen by a Store that is already open (what the web cache relies on)."""

from __future__ import annotations

from planwatch.store import Store

from .conftest import _make_document, _report_facts


def test_a_new_database_has_a_version(store):
    assert store.data_version() >= 1


def test_writes_raise_the_version_and_reads_do_not(store):
    before = store.data_version()
    stored, added = store.add_document(_make_document(), _report_facts())
    assert added
    after_add = store.data_version()
    assert after_add > before

    store.documents(), store.facts(region="青石县"), store.regions(), store.document(stored.id)
    assert store.data_version() == after_add

    assert store.add_document(_make_document(), _report_facts()) == (stored, False)   # already stored
    assert store.data_version() == after_add

    store.refresh(_make_document(), _report_facts()[:1])   # a re-extraction replaces facts
    assert store.data_version() > after_add


def test_another_process_write_is_seen(database_url):
    with Store(database_url) as reader, Store(database_url) as writer:
        before = reader.data_version()
        writer.add_document(_make_document(), _report_facts())
        assert reader.data_version() > before
