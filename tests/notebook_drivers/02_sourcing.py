assert len(article.sources) == 5 and source_map.last_error is None
assert "Hamas" in voices.absent_parties(article)
self_check.answer('count', '4')
assert self_check.check('count').correct is False
self_check.answer('count', '5')
assert self_check.check('count').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
self_check.answer('absent', ['hamas', 'miller'])
assert self_check.check('absent').correct is False
self_check.answer('absent', ['hamas', 'ben_gvir', 'smotrich'])
assert self_check.check('absent').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
