"""What a visitor may type as a seat count, and what Python reads from it.

One table for the engine (tests/test_requests.py) and the page (tests/test_calculator_ui.py):
the page's slider follows Python's reading, so both must see the same answers. An int is the
seat count Python reads; a string is the message it gives instead.
"""

TYPED_SEATS = [
    ("0x1F", "The number of seats must be a whole number, got '0x1F'."),  # no hex: JS read 31
    ("1e3", 1000),
    ("٣٠", "The number of seats must be written with the digits 0-9, got '٣٠'."),
    (" 30 ", 30),
    ("30.0", 30),
    ("2_0", 20),  # digits grouped as in Python: JS's Number() reads NaN
    ("-1", "The number of seats cannot be negative."),
    ("", "Enter the number of seats."),
    ("NaN", "The number of seats must be a whole number, got 'NaN'."),
    ("Infinity", "The number of seats must be a whole number, got 'Infinity'."),
    ("9" * 5000, "'999999999999999999999999999...' seats is more than this calculator handles "
                 "(1,000,000); contact sales for a quote."),
]
