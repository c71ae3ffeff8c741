"""Every Chinese sentence the user sees, one module per area."""
