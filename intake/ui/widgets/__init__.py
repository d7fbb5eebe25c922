"""One input widget per question type; `factory.make_input` picks it from the form."""
