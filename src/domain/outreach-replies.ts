/** The bot's answers about outreach logs: one line that repeats what was understood. */
export const outreachReplies = {
  logged: (described: string) => `✅ 已登记：${described}。有误请发“撤回”后重发，现场照片几分钟内直接发就行。`,
  withdrawn: (described: string) => `已撤回：${described}。`,
  nothingToWithdraw: () => '10分钟内没有可撤回的宣传登记。',
  photo: (n: number) => `📷 照片已附到刚才的宣传登记（共${n}张）。`,
  malformed: (hint: string, example: string) => `${hint}。例如：${example}`,
};
