"""What a reviewer sees: the check report as data and its renderings.

- `_contract`: the one JSON contract of ``govbudget check`` (schema, fingerprints);
- `_text`: text for people, laid out by display width (`_width`);
- `_csv`, `_html`: the findings CSV and the self-contained HTML page;
- `_profile`: TOML profiles and baselines of accepted findings;
- `_fdp`: a report as a Fiscal Data Package.

The command line (`govbudget._cli`) is their only caller; nothing here prints.
"""
