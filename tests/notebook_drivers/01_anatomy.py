assert article.relay == "Financial Times" and len(article.boilerplate) == 2
explorer.toggles["reporting_verbs"].value = True
assert explorer.last_error is None
self_check.answer('relay', 'sky')
assert self_check.check('relay').correct is False
self_check.answer('relay', 'ft')
assert self_check.check('relay').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
self_check.answer('furniture', ['memo', 'efforts'])
assert self_check.check('furniture').correct is False
self_check.answer('furniture', ['memo', 'tour'])
assert self_check.check('furniture').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
self_check.answer('furniture_count', '1')
assert self_check.check('furniture_count').correct is False
self_check.answer('furniture_count', '٢')
assert self_check.check('furniture_count').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
