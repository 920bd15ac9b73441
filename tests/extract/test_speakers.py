"""Tests for speaker resolution: extract.speakers, text.persons, text.cuegrammar."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.quotes import find_quotes
from generator.text.cuegrammar import sentence_end, sentence_start
from generator.text.persons import Mentions, gender_of, is_org, split_title

DATA = Path(__file__).parents[1] / "data" / "quotes"


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # Named cue after the quote, both orders.
    ("“The port will reopen on Monday morning,” said Harbour Master Ian Reid.", ["Ian Reid"]),
    ("“The port will reopen on Monday morning,” Reid told reporters.", ["Reid"]),
    # Cue before the quote.
    ("Ian Reid told reporters that “the port will reopen on Monday morning.”", ["Ian Reid"]),
    # A name that starts like a pronoun is still a name.
    ("“The city is broke,” said Sheinkopf.", ["Sheinkopf"]),
    ("“The city is broke,” Weaver said.", ["Weaver"]),
    # Appositive between name and verb.
    ("“We are not leaving,” Maria Costa, a nurse at the clinic, said.", ["Maria Costa"]),
    # Description with an appositive name.
    ("“We are not leaving,” the clinic's director, Maria Costa, said.", ["Maria Costa"]),
    # Lower-case lead before the name.
    ("“Talks are over,” union spokesman Dan Webb said on Friday.", ["Dan Webb"]),
    # Wrote on social media.
    ("Senator Amy Hart wrote on social media that “the vote was rigged from the start.”",
     ["Amy Hart"]),
    # Dash attribution, as in lists of reactions.
    ("“This is the worst decision the board has made.” ― Carla Mendes", ["Carla Mendes"]),
    # Organisation.
    ("“Flights remain suspended until further notice,” the airline said in a statement.",
     [None]),
    ("“Flights remain suspended until further notice,” Delta Air Lines said.",
     ["Delta Air Lines"]),
    ("NBC reported that “the plan has been shelved for now.”", ["NBC"]),
    # Passive cue.
    ("The mayor was asked by host Jill Park, “Will you run again next year?”", ["Jill Park"]),
    # A name and any verb before a colon; a transcript-style "Name:" before the quote.
    ("She said the plan was strong, to which O'Malley interjected: \"It's just not true.\"",
     ["O'Malley"]),
    ("Clinton answered first. Bush: \"The mission is to destroy the group, not to contain it.\"",
     ["Bush"]),
    # The sentence's acting subject, not the object after a preposition.
    ("Romney went after Trump on Wednesday over his taxes, calling it “disqualifying” and "
     "“a bombshell of unusual size.”", ["Romney", "Romney"]),
    # Quote after a colon paragraph.
    ("Governor Ruth Ames continued:\n\n“We will rebuild every school that was lost.”",
     ["Ruth Ames"]),
])
def test_cue_patterns(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Pronoun resolved to the titled person named before.
    ("U.S. Secretary of State Marco Rubio spoke in Ottawa. The meeting ran late.\n\n"
     "“We will not act alone,” he said.", ["Marco Rubio"]),
    # Description matched through the title the person was introduced with.
    ("U.S. Secretary of State Marco Rubio arrived on Thursday.\n\n"
     "“We will help if we are asked,” the secretary of state said.", ["Marco Rubio"]),
    # "she" skips a man named in between.
    ("Mayor Ana Torres met Governor Paul Grant.\n\n“It went well,” she said.", ["Ana Torres"]),
    # The previous speaker stays the referent when a person is only an object in between.
    ("“The cartels are powerful,” Senator John Hale said. He spoke about the murder of Mayor "
     "Luis Mora.\n\n“They control whole towns,” he said.", ["John Hale", "John Hale"]),
    # A pronoun after a subject in the same sentence.
    ("Rita Ortiz said she believes that “the law is clear on this point.”", ["Rita Ortiz"]),
    # Unresolvable pronoun and unknown description: None, never a pronoun.
    ("“We lost everything,” he said.", [None]),
    ("“We lost everything,” the resident said.", [None]),
    ("“Your Honor, I object to this,” I said.", [None]),
])
def test_pronouns_and_descriptions(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


def test_surname_takes_the_full_name_seen_earlier() -> None:
    text = ("Foreign Minister Carla Brandt landed in Rome.\n\n"
            "“The talks were useful,” Brandt said.")
    assert _speakers(text) == ["Carla Brandt"]


def test_fixture_article() -> None:
    text = (DATA / "council_vote.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in
            (DATA / "council_vote.expected.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    quotes = find_quotes(text)
    assert len(quotes) == len(rows)
    for quote, (start, speaker) in zip(quotes, rows, strict=True):
        assert quote.text.startswith(start)
        assert quote.speaker == (speaker or None)


@pytest.mark.parametrize(("run", "name", "titles"), [
    ("U.S. Secretary of State Marco Rubio", "Marco Rubio", ("u.s", "secretary", "of", "state")),
    ("Foreign Relations Secretary Juan Ramón de la Fuente", "Juan Ramón de la Fuente",
     ("foreign", "relations", "secretary")),
    ("Mr. King", "King", ("mr",)),
    ("Amy Pope", "Amy Pope", ()),
    ("Secretary of State", "", ("secretary", "of", "state")),
    ("When Trump", "Trump", ()),
])
def test_split_title(run: str, name: str, titles: tuple[str, ...]) -> None:
    assert split_title(run) == (name, titles)


@pytest.mark.parametrize(("name", "org"), [
    ("NBC News", True), ("Foreign Ministry", True), ("Ministry of Defence", True),
    ("House Speaker Paul Ryan", False), ("Marco Rubio", False), ("NBC", True),
])
def test_is_org(name: str, org: bool) -> None:
    assert is_org(name) is org


@pytest.mark.parametrize(("name", "titles", "gender"), [
    ("Claudia Sheinbaum", (), "f"), ("Marco Rubio", (), "m"), ("Smith", ("mrs",), "f"),
    ("Xochi Tlan", (), None),
])
def test_gender_of(name: str, titles: tuple[str, ...], gender: str | None) -> None:
    assert gender_of(name, titles) == gender


def test_mentions_unify_and_skip_quoted_names() -> None:
    text = "Senator Ana Lima spoke. “Ask Paul Ortiz,” Lima said. Lima left."
    quoted = (text.index("Ask"), text.index("”"))
    mentions = Mentions(text, [quoted])
    assert mentions.unify("Lima") == "Ana Lima"
    assert "Paul Ortiz" not in {m.name for m in mentions.items}


@pytest.mark.parametrize(("text", "pos", "start", "end"), [
    ("He left. U.S. officials said it was over. Then rain.", 20, 9, 41),
    ("Sen. Ted Cruz spoke. It ended.", 5, 0, 20),
])
def test_sentence_bounds_skip_abbreviations(text: str, pos: int, start: int, end: int) -> None:
    assert sentence_start(text, 0, pos) == start
    assert sentence_end(text, pos, len(text)) == end


@pytest.mark.parametrize(("text", "expected"), [
    # A colon after a name and its role (round-ups, transcripts).
    ("Reactions came in overnight.\nNora Flint, Channel 9: “This changes the whole race.”",
     ["Nora Flint"]),
    # A colon after a verb phrase ending the clause.
    ("When Hale raised the budget, Ortega shot back sharply: “We will not cut the schools.”",
     ["Ortega"]),
    # A colon after a verb that takes a listener: the subject speaks, not the listener.
    ("Senator Dana Ruiz later Friday told Radio Nord: “The deal is done and signed.”",
     ["Dana Ruiz"]),
    # A participle after a comma: the main clause's subject speaks.
    ("Hours after the vote, Mayor Ken Abel thanked the council, telling reporters “the city "
     "owes you a great deal.”\nThe hours were long.", ["Ken Abel"]),
    ("Governor Lisa Crane criticised the plan, calling it “a reckless gamble with our water.”",
     ["Lisa Crane"]),
    # A name only mentioned in the clause before the participle is not the speaker.
    ("He was seen mocking Senator Tom Vale and telling the crowd “the system is rigged.”",
     [None]),
    # A manner adverb between the subject and the verb.
    ("Asked about the strike, Minister Ada Kern cautiously said it was “a matter for the "
     "courts.”", ["Ada Kern"]),
    # The cue nearest the quote beats an earlier passive "asked by".
    ("When asked by host Sam Reed about the tax, Governor Amy Lund said: “It is not going up.”",
     ["Amy Lund"]),
    # A role between the cue and the name ("said party boss ..."): the name is the speaker.
    ("“We will win the county,” said Green party boss Ivo Marsh.", ["Ivo Marsh"]),
    # An appositive name after a description.
    ("The city's fire chief, Rosa Delgado, warned that “the hills are a tinderbox.”",
     ["Rosa Delgado"]),
    # The last sentence of the previous paragraph names the speaker of a lone quote.
    ("Water prices will rise again, Oregon Rep. Paul Stein said Wednesday.\n\n"
     "“Families cannot absorb another increase this year.”", ["Paul Stein"]),
])
def test_cue_grammar_patterns(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A town and state after a preposition are where, not who.
    ("Governor Ann Price spoke in Leeds. Price, during a town hall in Dover, Delaware, said the "
     "plan was “dead on arrival.”", ["Ann Price"]),
    ("Speaking at a rally in Salem, Oregon, Senator Joe Hart went after his rival, calling him "
     "“a total failure.”", ["Joe Hart"]),
    # A common word opening a sentence is no speaker, even when it acts.
    ("Mayor Ken Abel read the letter aloud.\n\nEarlier this week, Abel wrote to the council, "
     "asking “why the roads are still closed.” It was written earlier.", ["Ken Abel"]),
    # A person "of <place>" is the person.
    ("Gov. Earl Tomblin of West Virginia said the mine was “a model for the region.”",
     ["Earl Tomblin"]),
])
def test_places_and_common_words_never_speak(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A description that names nobody but says whose side stays as the description.
    ("“The senator has not changed her view,” a Hale spokesperson said.", ["Hale spokesperson"]),
    # A description with a place word resolves through the title the person was given.
    ("Sen. Maria Lopez arrived late.\n\n“We need the votes,” the Nevada senator said.",
     ["Maria Lopez"]),
    # A country acting as a government, as the subject of its own cue, is the source.
    ("Norway insisted that the talks “must resume before winter.”", ["Norway"]),
])
def test_descriptions_and_states(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(("text", "role"), [
    ("“The wall will be built,” Texas Rep. Mike McCaul said.", "Texas Rep."),
    ("“Talks are over,” union spokesman Dan Webb said on Friday.", "union spokesman"),
    ("“We will win the county,” said Green party boss Ivo Marsh.", "Green party boss"),
    ("Nora Flint, Channel 9: “This changes the whole race.”", "Channel 9"),
    ("“We are not leaving,” Maria Costa, a lawyer for the tenants, said.",
     "lawyer for the tenants"),
    # A clause about the person is no role.
    ("“We are not leaving,” Maria Costa, who has lived here since 1990, said.", None),
    ("“We are not leaving,” Maria Costa said.", None),
    ("“We are not leaving,” she said.", None),
])
def test_roles_come_from_the_cue(text: str, role: str | None) -> None:
    assert [q.role for q in find_quotes(text)] == [role]


@pytest.mark.parametrize(("text", "expected"), [
    # A dash line after the quote's paragraph names its speaker; a dashed heading does not.
    ("“We will look at every option before we decide.”\n\n- Nora Flint.\n\nMore below.",
     ["Nora Flint"]),
    ("“We will look at every option before we decide.”\n\n– Ready for the vote –.\n\nMore.",
     [None]),
    # A speech verb coordinated with an earlier one shares its subject.
    ("Then Mayor Ken Abel thanked the council and called the budget “a fair deal for all.”",
     ["Ken Abel"]),
    # A participle right after a quote takes an object, not a speaker.
    ("Ada Kern said, “It is time we change how we do it,” promising the Friends of Rome a vote.",
     ["Ada Kern"]),
    # A cue before a partial quote beats one closing the sentence further on.
    ("While Senator Ruth Ames admitted that a win would be “very hard” for her side this year, "
     "her campaign has argued that it could still win.", ["Ruth Ames"]),
    # A fronted time adverb is not the subject.
    ("Mayor Ken Abel spoke. Earlier this week, Abel wrote to the council, “Open the roads.”",
     ["Ken Abel"]),
])
def test_paragraph_and_clause_structure(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A transcript line's capitalised label speaks everything on the line.
    ("Governor Ann Price took questions.\n\"PRICE: Well, my rival thinks this is “a game "
     "show.” It is not.", ["Ann Price"]),
    # A label that names no person is no speaker.
    ("VIDEO: Mayor Ken Abel said “no way” at the rally.", ["Ken Abel"]),
    # A description that names nobody keeps its capitalised qualifier.
    ("The Green nominee outlined his plan and vowed to punish “those who break the rules.”",
     ["Green nominee"]),
    ("“That was outrageous,” said one Labour source on the panel.", ["Labour source"]),
    # "as X put it".
    ("He was, as The Daily Ledger put it in a long profile, “the fixer.”", ["Daily Ledger"]),
])
def test_labels_descriptions_and_put_it(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A noun phrase after a preposition is no subject, even before a word that reads as a verb.
    ("Truthmeter rated 30 percent of Green claims as “false” this year.", ["Truthmeter"]),
    # A capitalised preposition opening the sentence is not part of a subject.
    ("With Labour members worried about turnout, Mayor Ken Abel is pushing a new message: "
     "“It is about you.”", ["Ken Abel"]),
    # An indefinite description ending in a capitalised noun names nobody but itself.
    ("“She is too far behind,” said an Ohio Democrat.", ["Ohio Democrat"]),
    ("“The gap is too wide,” one senior Republican said.", ["senior Republican"]),
    # ... but a conjunction splits two phrases.
    ("Tina Marsh spoke. Later a guard asked for a photo and Marsh said, “Only one, please.”",
     ["Tina Marsh"]),
    # A name after a description that closes with a lower-case word.
    ("The Danish newspaper Politiken noted that “the talks had stalled for weeks.”",
     ["Politiken"]),
    # A time noun and a comma open the sentence; the subject comes after.
    ("Mayor Ken Abel left. Hours later, Abel returned to the hall, telling reporters, “We "
     "are not done.” The hours were long.", ["Ken Abel"]),
])
def test_subjects_and_objects(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A pronoun after a name that acts points to it, even with nothing else known of the name.
    ("“We lost,” Senator John Hale said. Strategist Tad Corvo said he saw it coming.\n\n"
     "“We can still do a lot of good,” he said.", ["John Hale", "Tad Corvo"]),
    # An organisation is never "he".
    ("“The ban is unacceptable,” the Civic League said.\n\n“It must go,” he said.",
     ["Civic League", None]),
])
def test_pronouns_point_to_acting_people(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


def test_a_pronoun_after_a_speech_verb_subject_points_to_it() -> None:
    text = ("“This is just the beginning,” said Mayor Rita Hale. Then Corvo said her group "
            "would fight on.\n\n“We want a majority on the council,” she said.")
    assert _speakers(text) == ["Rita Hale", "Corvo"]


def test_an_honorific_keeps_the_person_it_names() -> None:
    text = ("Michelle Obama spoke first.\n\n“We are proud of this bill,” Mr. Obama said.")
    (quote,) = find_quotes(text)
    assert (quote.speaker, quote.role) == ("Obama", None)
