"""Site-template learning (cleaner.templates) and the site-templates stage."""

from __future__ import annotations

import random

import pytest

from cleaner import DEFAULT, Document, Options, Pipeline
from cleaner.readers import read_text
from cleaner.templates import (
    STAGE_NAME,
    TemplateCounter,
    TemplatesError,
    TemplateSet,
    block_key,
    learn,
    load,
    prefix,
    save,
    site_of,
    with_stage,
)
from tests.templates_corpus import COURIER_BOTTOM, COURIER_TOP, courier_page

STAGES = ("normalize", STAGE_NAME, "content")


def page(text: str, source: str = "courier/story.txt", url: str | None = None) -> Document:
    doc = read_text(text, source=source)
    return doc.with_metadata(url=url) if url else doc


def courier(n: int, site: str = "courier") -> Document:
    return page(courier_page(n), source=f"{site}/story-{n:02d}.txt")


# --- keys and sites -----------------------------------------------------------


def test_block_key_folds_case_and_spaces() -> None:
    assert block_key("Sign  Up\tfor the NEWSLETTER ") == block_key("sign up for the newsletter")


def test_block_key_collapses_digits() -> None:
    assert block_key("Page 2 of 9") == block_key("Page 13 of 20")


def test_block_key_none_without_a_letter() -> None:
    assert block_key("12.03.2024") is None
    assert block_key("| · |") is None


def test_long_block_key_is_bounded_and_still_distinct() -> None:
    one = block_key("word " * 100 + "end one")
    two = block_key("word " * 100 + "end two")
    assert one is not None and two is not None
    assert len(one) < 200 and one != two


def test_site_is_url_host_without_www() -> None:
    assert site_of(page("x", url="https://www.example.org/news/1")) == "example.org"


def test_site_is_parent_directory_without_url() -> None:
    assert site_of(page("x", source="dumps/siteA/page.txt")) == "dumps/siteA"


def test_site_of_url_source_is_its_directory() -> None:
    assert site_of(page("x", source="s3://bucket/site/page.txt")) == "s3://bucket/site"


# --- learning -------------------------------------------------------------------


def test_block_on_every_page_of_a_site_is_template() -> None:
    templates = learn([courier(n) for n in range(3)])
    reason = templates.reason("courier", block_key(COURIER_BOTTOM[0]) or "")
    assert reason == "repeats on 3 of 3 pages of this site"


def test_article_lines_are_not_template() -> None:
    templates = learn([courier(n) for n in range(4)])
    assert templates.reason("courier", block_key(courier_page(1).splitlines()[4]) or "") is None


def test_block_repeated_within_one_page_is_not_template() -> None:
    counter = TemplateCounter()
    counter.add_page("site", ["donate today"] * 5 + ["a"])
    counter.add_page("site", ["b"])
    counter.add_page("site", ["c"])
    assert counter.templates().reason("site", "donate today") is None


def test_block_counted_once_per_page() -> None:
    counter = TemplateCounter()
    counter.add(page("Donate today\nDonate today\nDonate today\nBody one"))
    assert counter.blocks["courier"][block_key("Donate today") or ""] == 1


def test_block_on_half_the_pages_is_template_and_below_half_is_not() -> None:
    counter = TemplateCounter(share=0.5)
    for n in range(10):
        keys = [f"own {n}"]
        if n < 5:
            keys.append("half")
        if n < 4:
            keys.append("fewer")
        counter.add_page("site", keys)
    templates = counter.templates()
    assert templates.reason("site", "half") == "repeats on 5 of 10 pages of this site"
    assert templates.reason("site", "fewer") is None


def test_site_with_two_pages_learns_nothing() -> None:
    templates = learn([courier(0), courier(1)])
    assert len(templates) == 0


def test_sites_are_learned_apart() -> None:
    docs = [courier(0, "a"), courier(1, "a"), courier(2, "b"), courier(3, "b")]
    assert len(learn(docs)) == 0


def test_learned_templates_do_not_depend_on_input_order() -> None:
    docs = [courier(n, site) for site in ("a", "b") for n in range(5)]
    expected = learn(docs).to_json()
    rng = random.Random(7)
    for _ in range(5):
        shuffled = docs[:]
        rng.shuffle(shuffled)
        assert learn(shuffled).to_json() == expected


def test_merged_counters_equal_one_counter() -> None:
    docs = [courier(n, site) for site in ("a", "b") for n in range(4)]
    whole, left, right = TemplateCounter(), TemplateCounter(), TemplateCounter()
    for i, doc in enumerate(docs):
        whole.add(doc)
        (left if i % 3 else right).add(doc)
    assert left.merge(right).templates() == whole.templates()


def test_counter_refuses_a_share_above_one() -> None:
    with pytest.raises(ValueError):
        TemplateCounter(share=1.5)


# --- saving and loading -----------------------------------------------------------


def test_saved_templates_load_back_equal(tmp_path) -> None:
    templates = learn([courier(n) for n in range(3)])
    save(templates, tmp_path / "t.json")
    assert load(tmp_path / "t.json") == templates


def test_load_refuses_json_that_is_not_a_templates_file(tmp_path) -> None:
    (tmp_path / "t.json").write_text('{"sites": {}}', encoding="utf-8")
    with pytest.raises(TemplatesError, match="not a site-templates file"):
        load(tmp_path / "t.json")


def test_load_refuses_text_that_is_not_json(tmp_path) -> None:
    (tmp_path / "t.json").write_text("menu\nfooter\n", encoding="utf-8")
    with pytest.raises(TemplatesError, match="not JSON"):
        load(tmp_path / "t.json")


def test_load_names_a_missing_file(tmp_path) -> None:
    with pytest.raises(TemplatesError, match="missing.json"):
        load(tmp_path / "missing.json")


# --- the stage ------------------------------------------------------------------------


def clean_with(templates: TemplateSet | None, doc: Document) -> Document:
    return Pipeline.build(["normalize", STAGE_NAME], options=Options(templates=templates)).run(doc)


def removed_by_stage(doc: Document) -> list[str]:
    return [b.text for b in doc.removals() if b.removal and b.removal.stage == STAGE_NAME]


def test_stage_does_nothing_without_templates() -> None:
    doc = courier(0)
    assert clean_with(None, doc) is not None
    assert removed_by_stage(clean_with(None, doc)) == []


def test_stage_removes_the_site_template_with_its_reason() -> None:
    templates = learn([courier(n) for n in range(4)])
    out = clean_with(templates, courier(9))
    assert removed_by_stage(out) == [*COURIER_TOP, *COURIER_BOTTOM]
    reasons = {b.removal.reason for b in out.removals() if b.removal and b.removal.stage == STAGE_NAME}
    assert reasons == {"repeats on 4 of 4 pages of this site"}


def test_stage_keeps_the_article() -> None:
    templates = learn([courier(n) for n in range(4)])
    out = clean_with(templates, courier(9))
    assert "\n".join(b.text for b in out.kept() if b.text) == "\n".join(
        line for line in courier_page(9).splitlines() if line and line not in COURIER_TOP + COURIER_BOTTOM
    )


def test_stage_leaves_pages_of_other_sites_alone() -> None:
    templates = learn([courier(n) for n in range(4)])
    assert removed_by_stage(clean_with(templates, courier(9, site="elsewhere"))) == []


def test_stage_keeps_a_lone_template_line_between_lines_of_the_page() -> None:
    lone = COURIER_TOP[2]
    docs = [page(f"Own line {n} of the page.\n{lone}\nAnother own line {n}.") for n in range(3)]
    templates = learn(docs)
    assert templates.reason("courier", block_key(lone) or "") is not None
    out = clean_with(templates, page(f"First line here.\n{lone}\nLast line here."))
    assert removed_by_stage(out) == []


def test_stage_removes_a_template_line_beside_a_removed_line() -> None:
    lone = COURIER_TOP[2]
    docs = [page(f"Own line {n} of the page.\n{lone}\nAnother own line {n}.") for n in range(3)]
    templates = learn(docs)
    doc = page(f"First line here.\n{lone}\nLast line here.")
    doc = doc.with_blocks([doc.blocks[0].drop("navigation", "menu"), *doc.blocks[1:]])
    assert removed_by_stage(clean_with(templates, doc)) == [lone]


def test_stage_spares_protected_lines() -> None:
    templates = learn([courier(n) for n in range(4)])
    options = Options(templates=templates, protect_phrases=("letter our readers",))
    out = Pipeline.build(["normalize", STAGE_NAME], options=options).run(courier(9))
    assert COURIER_BOTTOM[0] not in removed_by_stage(out)


def test_stage_uses_the_url_host_when_known() -> None:
    docs = [
        page(courier_page(n), source=f"x{n}/p.txt", url=f"https://www.courier.example/{n}") for n in range(3)
    ]
    templates = learn(docs)
    out = clean_with(templates, page(courier_page(7), source="y/p.txt", url="https://courier.example/7"))
    assert COURIER_BOTTOM[1] in removed_by_stage(out)


def test_cleaning_with_templates_does_not_depend_on_input_order() -> None:
    docs = [courier(n, site) for site in ("a", "b") for n in range(4)]
    pipeline = Pipeline.build(STAGES)

    def outputs(order: list[Document]) -> dict[str, str]:
        templates = learn(order, prepare=prefix(pipeline))
        cleaner = Pipeline.build(STAGES, options=Options(templates=templates))
        return {d.source or "": cleaner.clean(d).text for d in order}

    expected = outputs(docs)
    shuffled = docs[:]
    random.Random(3).shuffle(shuffled)
    assert outputs(shuffled) == expected


def test_prefix_is_the_stages_before_site_templates() -> None:
    assert prefix(Pipeline.build(STAGES), text_only=False).names == ("normalize",)
    assert prefix(Pipeline.build(("normalize", "dedupe", STAGE_NAME, "content")), text_only=False).names == (
        "normalize",
        "dedupe",
    )


def test_prefix_for_learning_keeps_the_stages_that_rewrite_text() -> None:
    pipeline = Pipeline.build(with_stage(("normalize", "markdown", "navigation", "content")))
    assert prefix(pipeline).names == ("normalize", "markdown")


def test_learning_with_the_text_stages_equals_learning_with_every_stage_before() -> None:
    links = ["[Home](/) [World](/world) [Sport](/sport)", "**Follow us** on [our blog](/blog)"]
    docs = [
        page("\n".join([*links, "", courier_page(n)]), source=f"md/{n}.txt") for n in range(4)
    ] + [courier(n) for n in range(4)]
    pipeline = Pipeline.build(with_stage(DEFAULT))
    fast = learn(docs, prepare=prefix(pipeline))
    assert fast == learn(docs, prepare=prefix(pipeline, text_only=False))
    assert fast.reason("md", "home world sport") is not None


def test_with_stage_adds_site_templates_once_after_the_others() -> None:
    names = with_stage(("normalize", "icons", "content"))
    assert names == ("normalize", "icons", "content", STAGE_NAME)
    assert with_stage(names) == names


def test_stage_name_is_the_one_the_library_inserts() -> None:
    from cleaner.stages.templates import SiteTemplates

    assert SiteTemplates.name == STAGE_NAME


def test_cleaning_with_templates_twice_changes_nothing() -> None:
    docs = [courier(n) for n in range(4)]
    pipeline = Pipeline.build((*STAGES[:1], "dedupe", "content", STAGE_NAME))
    templates = learn(docs, prepare=prefix(pipeline))
    cleaner = Pipeline.build(pipeline.names, options=Options(templates=templates))
    once = cleaner.clean(courier(12)).text
    assert cleaner.clean(page(once, source="courier/story-12.txt")).text == once
