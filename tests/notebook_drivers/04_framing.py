annotator.go(0)
annotator.frame.value = "conflict"
comparison = annotator.compare()
assert comparison.compared == 1 and comparison.agreement == 1.0, comparison
assert annotator.last_error is None and explorer.last_error is None
assert numbers.last_error is None and "130" in numbers.view.value
wrong_then_right(self_check, 'verb_insisted', 'neutral', 'assertive')
wrong_then_right(self_check, 'captives', ['muhtajazin', 'rahain'], ['muhtajazin', 'asra'])
