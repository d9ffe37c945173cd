"""Reading extracted report text into a :class:`govbudget.Report` (see ``_reader``)."""
