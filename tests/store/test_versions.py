"""Same content adds nothing; new content under a stored name is a new version,
and the old version stays, superseded, with its facts."""

from __future__ import annotations

from dataclasses import replace


def test_same_content_twice_adds_nothing(store, document, facts):
    first, added = store.add_document(document, facts)
    again, added_again = store.add_document(document, facts)
    assert (added, added_again) == (True, False)
    assert again.id == first.id
    assert len(store.documents(include_superseded=True)) == 1
    assert len(store.facts(include_superseded=True)) == 5


def test_same_content_under_another_name_adds_nothing(store, document, facts):
    first, _ = store.add_document(document, facts)
    copy, added = store.add_document(replace(document, name="copy_of_report.txt"), facts)
    assert not added
    assert copy.name == first.name
    assert [d.name for d in store.documents()] == ["qingshi_2025.txt"]


def test_changed_content_becomes_a_new_version(store, make_document, report_facts):
    old_text = "青石县报告\r\n全县地区生产总值完成1639999999.99万元，同比增长5.0%。\r\n2026年一般公共预算收入增长4.5%—5%；城镇调查失业率控制在5.5%以内。\r\n"
    new_text = old_text.replace("青石县报告", "青石县报告（修订稿）")
    old, _ = store.add_document(make_document(text=old_text), report_facts(old_text)[:2])
    new, added = store.add_document(make_document(text=new_text), report_facts(new_text))
    assert added
    assert (new.version, new.superseded, new.fact_count) == (2, False, 5)

    assert [(d.id, d.version) for d in store.documents()] == [(new.id, 2)]
    assert [(d.version, d.superseded) for d in store.documents(include_superseded=True)] == [(1, True), (2, False)]
    assert {f.document_id for f in store.facts()} == {new.id}
    assert len(store.facts()) == 5
    # The old version and its facts are kept.
    assert store.document(old.id).text == old_text
    assert store.document(old.id).superseded
    assert [f.fact for f in store.facts(document_id=old.id)] == report_facts(old_text)[:2]
    assert len(store.facts(include_superseded=True)) == 7


def test_going_back_to_an_old_content_is_a_third_version(store, make_document, report_facts):
    first_text, second_text = "青石县报告 第一稿 增长5.0%", "青石县报告 第二稿 增长5.0%"
    store.add_document(make_document(text=first_text), [])
    store.add_document(make_document(text=second_text), [])
    third, added = store.add_document(make_document(text=first_text), [])
    assert added and third.version == 3
    assert [d.version for d in store.documents()] == [3]


def test_refresh_replaces_the_facts_of_stored_content_in_place(store, document, facts):
    first, _ = store.add_document(document, facts[:2])
    document.meta.region = "江北省青石县"
    refreshed = store.refresh(document, facts)
    assert (refreshed.id, refreshed.version, refreshed.fact_count, refreshed.region) == (first.id, 1, 5, "江北省青石县")
    assert [f.fact for f in store.facts(include_superseded=True)] == facts
    assert store.refresh(replace(document, sha256="0" * 64), facts) is None   # content never stored


def test_ingest_with_reextract_refreshes_files_already_stored(store, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("青石县报告\n地区生产总值增长5%。\n", "utf-8")
    store.ingest([path])
    report = store.ingest([path], reextract=True)
    assert (report.documents, report.unchanged, report.refreshed) == (0, 0, 1)
    assert [(d.version, d.superseded) for d in store.documents(include_superseded=True)] == [(1, False)]


def test_stored_content_is_found_by_its_hash(store, document, facts):
    assert store.find_content(document.sha256) is None
    stored, _ = store.add_document(document, facts)
    assert store.find_content(document.sha256).id == stored.id


def test_two_regions_files_of_one_name_are_two_documents(store, make_document):
    qingshi = make_document(name="政府工作报告.txt", text="青石县政府工作报告 增长5.0%", region="江北省青石县")
    baihe = make_document(name="政府工作报告.txt", text="白河县政府工作报告 增长6.0%", region="江北省白河县")
    first, _ = store.add_document(qingshi, [])
    second, added = store.add_document(baihe, [])
    assert added and (first.version, second.version) == (1, 1)
    assert sorted(d.region for d in store.documents()) == ["江北省白河县", "江北省青石县"]
