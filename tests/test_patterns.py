"""The one phrase-pattern matcher: ``may_match`` only skips patterns that cannot match."""
from bot.patterns import compile_pattern, find_all, may_match, plain_tokens, prefixes_of, words_of
from bot.roleplay import catalog


def test_may_match_never_skips_a_pattern_that_matches():
    phrases = [phrase for zet in catalog.moves().values() for phrase in zet.signalen] + [
        "u had ... moeten", "ex*", "lastig|moeilijk ... man"]
    sentences = [p.tekst for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad] + [
        "U had haar eerder moeten bellen.", "Uw ex klinkt echt als een lastige man.", "Dat is een moeilijke man, hè."]
    checked = skipped = 0
    for sentence in sentences:
        tokens = plain_tokens(sentence.lower().replace(",", " ").replace(".", " ").replace("?", " ").split())
        present = words_of(tokens)
        for phrase in phrases:
            pattern = compile_pattern(phrase)
            matches = find_all(tokens, pattern)
            checked += 1
            assert may_match(present, pattern, prefixes_of(present)) == may_match(present, pattern), (phrase, sentence)
            if not may_match(present, pattern):
                skipped += 1
                assert matches == [], (phrase, sentence)
    assert skipped > checked * 0.5  # and it skips most of them, which is what makes it worth having
    tokens = plain_tokens("u had dat veel eerder moeten doen".split())
    assert may_match(words_of(tokens), compile_pattern("u had ... moeten"))
    assert may_match(words_of(tokens), compile_pattern("eerd* moeten"))
    assert not may_match(words_of(tokens), compile_pattern("jij had ... moeten"))


def test_may_match_looks_at_every_word_of_the_pattern():
    """Not only the first: "u had ... gedaan" cannot match a sentence without 'gedaan'; a 'woord*' is a beginning."""
    present = words_of(plain_tokens("u had dat veel eerder moeten doen".split()))
    for prefixes in (None, prefixes_of(present)):
        assert not may_match(present, compile_pattern("u had ... gedaan"), prefixes)
        assert not may_match(present, compile_pattern("u had ... moet|gedaan"), prefixes)
        assert may_match(present, compile_pattern("u had ... moete*|gedaan"), prefixes)
        assert not may_match(present, compile_pattern("u had ... moetens*"), prefixes)
