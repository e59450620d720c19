def load(context) -> None:  # filled in below
    pass
