"""What every API endpoint shares, and nothing about any app: errors, parsing, permissions, schema."""
