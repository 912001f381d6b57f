"""The learned risk model: trained on inspection outcomes, it ranks shipments and declarations by risk.

`table` trains and scores from any table of past declarations through a YAML column mapping;
`cli.app` is mounted as `interdict model`.
"""
