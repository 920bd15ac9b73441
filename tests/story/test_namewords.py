from __future__ import annotations

from generator.model import Entity, Source, Story
from generator.story import names, namewords
from tests.conftest import make_article

# A corpus's ordinary prose: these words are written in lower case far more than capitalised.
PROSE = ("They said everything the foreign office said about relations was public. A citizen "
         "can hope for everything, and adds that the air is clean; everything changed. ")


def story(key: str, people: list[str], text: str = PROSE, places: tuple[str, ...] = ()) -> Story:
    article = make_article(id=key, text=text)
    return Story(id=key, title=key, summary="", sources=(Source(article),),
                 entities=(*(Entity(p, "person") for p in people),
                           *(Entity(p, "place") for p in places)))


def people(result: Story) -> list[str]:
    return [e.name for e in result.entities if e.kind == "person"]


def others(result: Story) -> list[str]:
    return [e.name for e in result.entities if e.kind == "other"]


def use_of(stories: list[Story], words: list[str]) -> namewords.WordUse:
    return namewords.word_use(stories, words, set())


def test_a_word_is_common_when_written_in_lower_case_far_more_often() -> None:
    stories = [story("a", [], PROSE * 3 + "Said Hope Hicks. Foreign Minister Ali Daei.")]
    use = use_of(stories, ["Everything", "Foreign", "Hicks", "Daei", "Hope"])
    assert use.common("Everything") and use.common("Foreign") and use.common("Hope")
    assert not use.common("Hicks") and not use.common("Daei")


def test_common_words_alone_or_before_a_place_are_no_person() -> None:
    stories = [story("a", ["Foreign Relations", "Public Citizen", "Air China", "Hope Hicks"],
                     PROSE * 3 + " said Hope Hicks. Foreign Relations. Air China.")]
    out = names.canonical(stories)
    assert people(out[0]) == ["Hope Hicks"]
    assert others(out[0]) == ["Foreign Relations", "Public Citizen", "Air China"]


def test_a_common_word_glued_at_a_sentence_start_is_cut() -> None:
    trump = "President Donald Trump spoke. Donald Trump left. " + PROSE
    stories = [story("a", ["Donald Trump"], trump), story("b", ["Donald Trump"], trump),
               story("c", ["Everything Trump", "Adds Vattenfall"],
                     PROSE + "It was late. Everything Trump does is news. Adds Vattenfall, a "
                     "utility.")]
    out = names.canonical(stories)
    assert people(out[2]) == ["Donald Trump"], "the word of the sentence is cut"
    assert others(out[2]) == ["Adds Vattenfall"], "what is left names no known person"


def test_a_given_name_that_is_a_common_word_stays_inside_a_sentence() -> None:
    stories = [story("a", ["Hope Hicks"], PROSE * 2 + "Hope Hicks said so, said Hope Hicks.")]
    assert people(names.canonical(stories)[0]) == ["Hope Hicks"]
    assert namewords.unglue("Hope Hicks", stories[0], use_of(stories, ["Hope Hicks"])) is None


def test_a_glued_form_the_story_does_not_hold_is_left_alone() -> None:
    stories = [story("a", ["Everything Trump"], PROSE)]
    assert namewords.unglue("Everything Trump", stories[0],
                            use_of(stories, ["Everything Trump"])) is None


def test_a_peoples_adjective_made_from_a_place_is_cut() -> None:
    stories = [story("a", ["Californian Rebecca Solnit", "Barbadian Warner", "Brian Smith"]),
               story("b", ["Jack Warner"], places=("Barbados",)),
               story("c", ["Jack Warner"]), story("d", ["Rebecca Solnit"])]
    out = names.canonical(stories)
    assert people(out[0]) == ["Rebecca Solnit", "Jack Warner", "Brian Smith"]


def test_place_adjectives_are_read_from_the_corpus_places() -> None:
    places = frozenset({"barbados", "trinidad"})
    assert namewords.place_adjective("Californian", places)
    assert namewords.place_adjective("Trinidadian", places)
    assert namewords.place_adjective("Barbadian", places)
    assert not namewords.place_adjective("Brian", places)
    assert not namewords.place_adjective("Kardashian", places)


def test_a_sentence_adverb_glued_to_a_name_is_cut_though_it_mostly_opens_sentences() -> None:
    # "Interestingly" is capitalised more often than not, but only where a sentence starts.
    adverb = ("Interestingly, it held. Interestingly, it fell. It interestingly rose. "
              "It rose, interestingly. ")
    blocher = "Christoph Blocher spoke. Christoph Blocher left. "
    stories = [story("a", ["Christoph Blocher"], blocher),
               story("b", ["Christoph Blocher"], blocher),
               story("c", ["Interestingly Blocher"], adverb + "Interestingly Blocher, a rich man, "
                     "led.")]
    assert people(names.canonical(stories)[2]) == ["Christoph Blocher"]


def test_a_sentence_starts_after_a_bracket_closed_after_a_stop() -> None:
    text = PROSE * 2 + ("Calls cost extra (check with your provider for exact costs.) Message "
                        "Jeremy on Twitter. Leave a message, send a message, a message.")
    out = names.canonical([story("a", ["Message Jeremy"], text)])
    assert people(out[0]) == [] and others(out[0]) == ["Message Jeremy"]


def test_names_a_story_uses_as_things_are_no_people() -> None:
    text = ("Egyptian-American activists marched. He coached the Trail Blazers. The Trail "
            "Blazers won. Orkem U.K. said so. Rebecca Solnit wrote.")
    stories = [story("a", ["Egyptian-American", "Trail Blazers", "Orkem U.K.", "Rebecca Solnit"],
                     text)]
    out = names.canonical(stories)
    assert people(out[0]) == ["Rebecca Solnit"]
    assert others(out[0]) == ["Egyptian-American", "Trail Blazers", "Orkem U.K."]


def test_a_sentence_word_acronym_or_place_before_a_full_name_is_cut() -> None:
    text = PROSE * 2 + "It was certainly so, certainly. Certainly Ronald Reagan said so."
    stories = [story("a", ["Certainly Ronald Reagan", "NBC Chuck Todd", "Iceland Julie Kozack",
                           "Sheila Kay Adams", "W. Mark Felt", "M Scott Peck"], text,
                     places=("Iceland",))]
    assert people(names.canonical(stories)[0]) == [
        "Ronald Reagan", "Chuck Todd", "Julie Kozack", "Sheila Kay Adams", "W. Mark Felt",
        "M Scott Peck"]
