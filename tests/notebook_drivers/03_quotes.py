right = quiz.expected(0)
quiz.answer(0, speaker=right["speaker"], kind=right["kind"], cue=right["cue"])
quiz.check(0)
assert quiz.score == 1 and quiz.last_error is None, quiz.last_error
assert len(translated_quotes(article)) >= 8
wrong_then_right(self_check, 'who_wahmiya', 'writer', 'netanyahu')
wrong_then_right(self_check, 'over_the_top', '1', '3')
