"""Reading extracted report text into a `govbudget.Report` (see ``_reader``)."""
