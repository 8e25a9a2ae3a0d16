annotator.go(0)
annotator.frame.value = "conflict"
comparison = annotator.compare()
assert comparison.compared == 1 and comparison.agreement == 1.0, comparison
assert annotator.last_error is None and explorer.last_error is None
assert numbers.last_error is None and "130" in numbers.view.value
self_check.answer('verb_insisted', 'neutral')
assert self_check.check('verb_insisted').correct is False
self_check.answer('verb_insisted', 'assertive')
assert self_check.check('verb_insisted').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
self_check.answer('captives', ['muhtajazin', 'rahain'])
assert self_check.check('captives').correct is False
self_check.answer('captives', ['muhtajazin', 'asra'])
assert self_check.check('captives').correct is True, self_check.results
assert self_check.last_error is None, self_check.last_error
