/** The bot's answers about outreach logs: one line that repeats what was understood. */
export const outreachReplies = {
  logged: (described: string) => `✅ 已登记：${described}。有误请发“撤回”后重发，现场照片几分钟内直接发就行。`,
  withdrawn: (described: string) => `已撤回：${described}。`,
  nothingToWithdraw: () => '10分钟内没有可撤回的宣传登记。',
  photo: (n: number) => `📷 照片已附到刚才的宣传登记（共${n}张）。`,
  malformed: (hint: string, example: string) => `${hint}。例如：${example}`,
  /** 我的 from a volunteer: this month's logs, totals first, the latest few after. */
  mine: (month: number, totals: { logs: number; people: number; installs: number; leaflets: number }, latest: string[], more: number) =>
    totals.logs === 0
      ? `您${month}月还没有宣传登记。登记请发：宣传 幸福里社区 摆摊 80人 装APP 25`
      : [
          `您${month}月的宣传登记：${totals.logs}次 · 共${totals.people}人${totals.installs > 0 ? ` · 装APP ${totals.installs}` : ''}${totals.leaflets > 0 ? ` · 传单${totals.leaflets}份` : ''}`,
          ...latest,
          ...(more > 0 ? [`……另有${more}次`] : []),
        ].join('\n'),
};
