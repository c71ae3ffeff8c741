"""Every sentence about fetching a report from a link."""

from __future__ import annotations

from bot.core.fetch import FetchError, FetchProblem

FETCHING = "收到链接，正在下载：{url}"
PROBLEMS: dict[FetchProblem, str] = {
    FetchProblem.BAD_URL: "这个链接的格式不对，无法打开。",
    FetchProblem.BAD_SCHEME: "只能打开 http:// 或 https:// 开头的链接。",
    FetchProblem.DNS: "找不到这个网站（域名无法解析），请检查链接。",
    FetchProblem.PRIVATE_ADDRESS: "出于安全考虑，机器人不访问内网、本机或保留地址，只能打开公网上的网页。",
    FetchProblem.TOO_MANY_REDIRECTS: "这个链接跳转次数太多，已停止访问。",
    FetchProblem.TOO_LARGE: "链接指向的文件太大，超出了下载上限。",
    FetchProblem.TIMEOUT: "网站响应太慢，下载超时。请稍后重试，或直接发送报告文件。",
    FetchProblem.HTTP_STATUS: "网站返回了错误（HTTP {status}），无法取得报告。",
    FetchProblem.NETWORK: "连接网站失败，请稍后重试，或直接发送报告文件。",
}


def fetch_failed(error: FetchError) -> str:
    return PROBLEMS[error.problem].format(status=error.status or "")
