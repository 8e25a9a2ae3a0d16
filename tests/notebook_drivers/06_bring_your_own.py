assert not paste.pasted and paste.last_error is None and mine.text == paste.text
assert len(mine.quotes) >= 3 and all(q.speaker for q in mine.quotes), mine.quotes
right = own_quiz.expected(0)
own_quiz.answer(0, speaker=right["speaker"], kind=right["kind"], cue=right["cue"])
own_quiz.check(0)
assert own_quiz.score == 1 and own_quiz.last_error is None
own_frames.go(0)
own_frames.frame.value = "conflict"
assert own_frames.compare() is None and own_frames.last_error is None  # no key for this article
self_check.answer('most_words_b', 'mayor')
assert self_check.check('most_words_b').correct is False
self_check.answer('most_words_b', 'nurse')
assert self_check.check('most_words_b').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
self_check.answer('anonymous_source', 'ufuq')
assert self_check.check('anonymous_source').correct is False
self_check.answer('anonymous_source', 'marsad')
assert self_check.check('anonymous_source').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
