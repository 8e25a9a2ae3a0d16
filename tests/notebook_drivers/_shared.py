# Run before every lesson's driver, in the notebook's namespace (tests/test_notebooks.py).


def wrong_then_right(box, exercise_id, wrong, right):
    """A wrong answer gets feedback and is not accepted; the right one is accepted."""
    box.answer(exercise_id, wrong)
    assert box.check(exercise_id).correct is False, (exercise_id, wrong)
    box.answer(exercise_id, right)
    assert box.check(exercise_id).correct is True, box.results
    assert box.last_error is None, box.last_error
