"""Import and export of member lists.

`readers` turns a file (CSV, XLSX, vCard, LinkedIn, Mailchimp) into rows of text;
`mapping` says which column holds which member field and cleans each row's values.
"""
