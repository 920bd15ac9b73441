from __future__ import annotations

import dataclasses

from generator.model import Entity, KeyQuote, Source, Story
from generator.story import names
from tests.conftest import make_article


def story(key: str, people: list[str], others: list[Entity] | None = None,
          speakers: tuple[str, ...] = ()) -> Story:
    article = make_article(id=key, text="Talks.")
    quotes = tuple(KeyQuote(speaker=s, text="We will see.", sources=(key,)) for s in speakers)
    return Story(id=key, title=key, summary="", sources=(Source(article),), quotes=quotes,
                 entities=(*(Entity(p, "person") for p in people), *(others or [])))


def people(result: Story) -> list[str]:
    return [e.name for e in result.entities if e.kind == "person"]


def test_variants_across_stories_become_one_name() -> None:
    stories = [story("a", ["George W. Bush", "Republican Donald Trump"]),
               story("b", ["George W. Bush", "Donald Trump"]),
               story("c", ["George Bush", "Edward J. Markey"]),
               story("d", ["George W Bush", "Ed Markey", "Ted Cruz of Texas"]),
               story("e", ["Ted Cruz", "Cruz", "Edward J. Markey"])]
    out = names.canonical(stories)
    assert {n for s in out for n in people(s)} == {
        "George W. Bush", "Donald Trump", "Edward J. Markey", "Ted Cruz"}


def test_a_lone_surname_folds_into_its_corpus_bearer() -> None:
    stories = [story("a", ["Kofi Annan"]), story("b", ["Annan"]),
               story("c", ["Barack Obama"]), story("d", ["Barack Obama"]),
               story("e", ["Barack Obama", "Michelle Obama"]), story("f", ["Obama"])]
    out = names.canonical(stories)
    assert people(out[1]) == ["Kofi Annan"]
    assert people(out[5]) == ["Barack Obama"], "three times as many stories: the dominant one"
    assert people(out[4]) == ["Barack Obama", "Michelle Obama"]


def test_two_bearers_in_play_keep_the_surname_apart_and_named() -> None:
    stories = [story("a", ["Hillary Clinton", "Bill Clinton", "Clinton"]),
               story("b", ["Hillary Clinton"]), story("c", ["Bill Clinton"]),
               story("d", ["Clinton"])]
    out = names.canonical(stories)
    assert "Clinton" in people(out[0]), "both in the story: the surname is not guessed"
    assert people(out[3]) == ["Clinton"], "neither leads in the corpus"
    assert names.namesakes(out)["Clinton"] in (("Bill Clinton", "Hillary Clinton"),
                                               ("Hillary Clinton", "Bill Clinton"))


def test_a_surname_with_one_bearer_in_its_story_is_that_bearer() -> None:
    stories = [story("a", ["Hillary Clinton", "Clinton"]), story("b", ["Bill Clinton"]),
               story("c", ["Bill Clinton"])]
    out = names.canonical(stories)
    assert people(out[0]) == ["Hillary Clinton"]


def test_transliterations_fold_when_they_share_a_story() -> None:
    stories = [story("a", ["Muammar Gaddafi", "Moammar Gadhafi", "Musa Ibrahim"]),
               story("b", ["Moammar Gadhafi", "Moussa Ibrahim", "Musa Ibrahim"]),
               story("c", ["Moammar Gadhafi"])]
    out = names.canonical(stories)
    assert {n for s in out for n in people(s)} == {"Moammar Gadhafi", "Musa Ibrahim"}


def test_transliterations_apart_without_shared_context_stay_apart() -> None:
    libya = [Entity(n, "place") for n in ("Libya", "Tripoli", "Benghazi")]
    sport = [Entity(n, "org") for n in ("FIFA", "Chelsea", "Arsenal")]
    stories = [story("a", ["Muammar Gaddafi"], libya), story("b", ["Moammar Gadhafi"], libya),
               story("c", ["Mohamed Salah"], sport), story("d", ["Mohammed Saleh"], libya)]
    out = names.canonical(stories)
    assert people(out[1]) == ["Muammar Gaddafi"] or people(out[0]) == ["Moammar Gadhafi"]
    assert people(out[2]) == ["Mohamed Salah"] and people(out[3]) == ["Mohammed Saleh"]


def test_non_people_are_no_people() -> None:
    stories = [story("a", ["Department", "The BP", "Hurricane Katrina", "EDT BENGHAZI",
                           "Tony Hayward", "Wars", "William Sound", "General Motors"])]
    out = names.canonical(stories)
    assert people(out[0]) == ["Tony Hayward"]
    assert {e.name for e in out[0].entities if e.kind == "other"} >= {"Department", "The BP"}


def test_a_lone_first_name_is_the_story_s_one_bearer() -> None:
    out = names.canonical([story("a", ["Bashar al-Assad", "Bashar", "Assad"])])
    assert people(out[0]) == ["Bashar al-Assad"]


def test_speakers_take_the_corpus_name() -> None:
    stories = [story("a", ["Tony Hayward"], speakers=("Executive Tony Hayward", "Hayward")),
               story("b", ["Tony Hayward"], speakers=("a spokesman",))]
    out = names.canonical(stories)
    assert [q.speaker for q in out[0].quotes] == ["Tony Hayward", "Tony Hayward"]
    assert [q.speaker for q in out[1].quotes] == ["a spokesman"]


def test_unchanged_stories_are_the_same_objects() -> None:
    stories = [story("a", ["Tony Hayward"])]
    assert names.canonical(stories)[0] is stories[0]


def test_a_lone_word_nobody_bears_is_a_person_only_when_never_a_common_word() -> None:
    article = make_article(id="a", text="Buckley said the department would not comment.")
    base = Story(id="a", title="a", summary="", sources=(Source(article),),
                 entities=(Entity("Buckley", "person"), Entity("Department", "person")))
    assert people(names.canonical([base])[0]) == ["Buckley"]


def test_a_first_given_name_left_out_is_one_person() -> None:
    out = names.canonical([story("a", ["Recep Tayyip Erdogan"]), story("b", ["Tayyip Erdogan"]),
                           story("c", ["Tayyip Erdogan"])])
    assert {n for s in out for n in people(s)} == {"Tayyip Erdogan"}


def test_a_name_mostly_called_something_else_is_no_person() -> None:
    ship = [story(f"s{i}", [], [Entity("Exxon Valdez", "other")]) for i in range(4)]
    out = names.canonical([story("a", ["Exxon Valdez", "Tony Hayward"]), *ship])
    assert people(out[0]) == ["Tony Hayward"]


def test_different_middle_initials_are_two_people() -> None:
    stories = [story("a", ["George W. Bush"]), story("b", ["George W Bush"]),
               story("c", ["George W. Bush"]), story("d", ["George H.W. Bush"]),
               story("e", ["George Bush"]), story("f", ["Saif al-Islam Gadhafi"]),
               story("g", ["Saif al-Arab Gadhafi"])]
    out = [people(s) for s in names.canonical(stories)]
    assert out[:3] == [["George W. Bush"]] * 3
    assert out[3] == ["George H.W. Bush"] and out[4] == ["George W. Bush"]
    assert out[5] == ["Saif al-Islam Gadhafi"] and out[6] == ["Saif al-Arab Gadhafi"]


def _lone(key: str, text: str, word: str) -> Story:
    article = make_article(id=key, text=text)
    return Story(id=key, title=key, summary="", sources=(Source(article),),
                 entities=(Entity(word, "person"),))


def test_a_lone_word_the_corpus_writes_in_lower_case_is_no_person() -> None:
    game = _lone("a", "The game sends General Grievous after the Jedi.", "Grievous")
    others = [_lone(k, f"It was a grievous mistake, {k} said.", "Nobody") for k in "bc"]
    assert people(names.canonical([game, *others])[0]) == []
    # One stray lower-case use elsewhere is not enough to unmake a name.
    assert people(names.canonical([game, others[0]])[0]) == ["Grievous"]


def test_an_honorific_keeps_a_lone_common_word_a_person() -> None:
    here = _lone("a", "Mr. Moody said the plan would work.", "Moody")
    others = [_lone(k, f"The markets were moody, {k} wrote.", "Nobody") for k in "bc"]
    assert people(names.canonical([here, *others])[0]) == ["Moody"]


def test_a_lone_surname_stays_itself_when_its_text_names_another_bearer() -> None:
    corpus = [story(k, ["George W. Bush"]) for k in "abc"]
    elder = _lone("d", "George H.W. Bush sent troops to the Gulf in 1990. Bush said the war "
                       "would be short.", "Bush")
    son = _lone("e", "President Bush and George W. Bush's aides met. Bush spoke.", "Bush")
    out = names.canonical([*corpus, elder, son])
    assert people(out[3]) == ["Bush"], "another bearer named in the text: not guessed"
    assert people(out[4]) == ["George W. Bush"], "a title and the bearer's own name are no other"


def test_a_misspelt_first_name_joins_the_known_one() -> None:
    stories = [story("a", ["Donald Trump"]), story("b", ["Donald Trump"]),
               story("c", ["Donald Trump"]), story("d", ["Donand Trump", "Mike Pence"]),
               story("e", ["Condeleezza Rice", "George W. Bush"]),
               story("f", ["Condoleezza Rice", "George W. Bush"])]
    out = names.canonical(stories)
    assert people(out[3]) == ["Donald Trump", "Mike Pence"], "three times as many stories"
    assert people(out[4]) == ["Condoleezza Rice", "George W. Bush"], "the same company"


def test_two_known_first_names_one_letter_apart_stay_two_people() -> None:
    stories = [story("a", ["John Smith"]), story("b", ["Jon Smith"]),
               story("c", ["Mark Evans"]), story("d", ["Marc Evans"])]
    assert [people(s) for s in names.canonical(stories)] == [
        ["John Smith"], ["Jon Smith"], ["Mark Evans"], ["Marc Evans"]]


def test_a_given_name_alone_is_a_person_only_with_a_title() -> None:
    stories = [story("a", ["James", "Rachel"]), story("b", ["Harry"])]
    stories[1] = dataclasses.replace(stories[1], sources=(Source(make_article(
        id="b", text="Prince Harry visited the troops.")),))
    out = names.canonical(stories)
    assert people(out[0]) == [], "one page would gather every James"
    assert people(out[1]) == ["Harry"]


def test_a_lone_surname_nobody_bears_is_the_full_name_its_story_gives() -> None:
    here = _lone("a", "Robert Sperling, a policy maker, spoke. Mr. Sperling said so.", "Sperling")
    elsewhere = _lone("b", "Robert B. Sperling said so.", "Nobody")
    elsewhere = dataclasses.replace(elsewhere, entities=(Entity("Robert B. Sperling", "person"),))
    assert people(names.canonical([here])[0]) == ["Robert Sperling"]
    assert people(names.canonical([here, elsewhere])[0]) == ["Robert B. Sperling"], \
        "under the corpus's name for that person"


def test_a_given_name_left_by_a_cut_sentence_word_is_nobody_in_particular() -> None:
    boreing = [story(k, ["Jeremy Boreing"]) for k in "ab"]
    text = "Calls cost extra (ask your provider.) Message Jeremy on Twitter. Send a message."
    here = _lone("c", text * 3, "Message Jeremy")
    assert people(names.canonical([*boreing, here])[2]) == []


def test_a_spelling_outvoted_alone_is_kept_by_its_persons_other_spellings() -> None:
    other = [Entity("Donald J. Trump", "other")]
    stories = [story(f"o{n}", [], others=other) for n in range(5)]
    stories += [story("a", ["Donald J. Trump"], speakers=("Donald J. Trump",)),
                *(story(f"p{n}", ["Donald Trump"]) for n in range(3))]
    out = names.canonical(stories)
    assert [q.speaker for q in out[5].quotes] == ["Donald Trump"]
    assert people(out[5]) == ["Donald Trump"]


def test_a_full_name_left_other_is_the_corpus_person() -> None:
    stories = [story("a", [], others=[Entity("Hillary Clinton", "other"),
                                      Entity("George Washington Bridge", "other")]),
               story("b", ["Hillary Rodham Clinton"]), story("c", ["Hillary Clinton"])]
    out = names.canonical(stories)
    assert people(out[0]) == ["Hillary Clinton"]
    assert Entity("George Washington Bridge", "other") in out[0].entities
