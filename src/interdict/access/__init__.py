"""Access: agencies, users, roles, jurisdictions and partner API keys; who may see what."""
