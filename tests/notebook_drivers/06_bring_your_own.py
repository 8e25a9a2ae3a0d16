assert not paste.pasted and paste.last_error is None and mine.text == paste.text
assert len(mine.quotes) >= 3 and all(q.speaker for q in mine.quotes), mine.quotes
right = own_quiz.expected(0)
own_quiz.answer(0, speaker=right["speaker"], kind=right["kind"], cue=right["cue"])
own_quiz.check(0)
assert own_quiz.score == 1 and own_quiz.last_error is None
own_frames.go(0)
own_frames.frame.value = "conflict"
assert own_frames.compare() is None and own_frames.last_error is None  # no key for this article
wrong_then_right(self_check, 'most_words_b', 'mayor', 'nurse')
wrong_then_right(self_check, 'anonymous_source', 'ufuq', 'marsad')
