right = quiz.expected(0)
quiz.answer(0, speaker=right["speaker"], kind=right["kind"], cue=right["cue"])
quiz.check(0)
assert quiz.score == 1 and quiz.last_error is None, quiz.last_error
assert len(translated_quotes(article)) >= 8
self_check.answer('who_wahmiya', 'writer')
assert self_check.check('who_wahmiya').correct is False
self_check.answer('who_wahmiya', 'netanyahu')
assert self_check.check('who_wahmiya').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
self_check.answer('over_the_top', '1')
assert self_check.check('over_the_top').correct is False
self_check.answer('over_the_top', '3')
assert self_check.check('over_the_top').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
