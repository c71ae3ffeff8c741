"""The commands that start Telegram (`nianbao run`, `nianbao remind`), registered with the CLI by
the composition root bot.main: bot.cli never imports the adapter."""
