/**
 * What each chat channel can do (issue 18, docs/channels.md). The product is the same on every
 * channel; where a channel cannot show the bot a quote or the group's chatter, the context
 * rules that rely on them are off, so a bare 收到 is never taken for an acknowledgement on a
 * guess: it must carry the case id or be said to the bot (privately or with an @).
 */

/** The chat channels a bot account can speak through. */
export type ChannelKind = 'wechaty' | 'wecom' | 'dingtalk';

export interface ChannelCapabilities {
  /** A quoted reply (引用) reaches the bot with the quoted text. */
  quotes: boolean;
  /** The bot sees every group message, not only those @-addressed to it. */
  seesChatter: boolean;
  /** Group messages reach the bot at all. */
  hearsGroups: boolean;
  /** The bot's group messages can @-mention a member. */
  mentions: boolean;
}

/**
 * @example CAPABILITIES.dingtalk.seesChatter // false: the robot gets only @-messages
 */
export const CAPABILITIES: Record<ChannelKind, ChannelCapabilities> = {
  wechaty: { quotes: true, seesChatter: true, hearsGroups: true, mentions: true },
  // Group robots only post; the application hears private messages only.
  wecom: { quotes: false, seesChatter: false, hearsGroups: false, mentions: true },
  // Stream mode delivers @-messages in groups and private messages; pushes cannot @.
  dingtalk: { quotes: false, seesChatter: false, hearsGroups: true, mentions: false },
};

/** The capabilities of a message's channel (a message without one came through Wechaty). */
export function capabilitiesOf(channel: ChannelKind | undefined): ChannelCapabilities {
  return CAPABILITIES[channel ?? 'wechaty'];
}

/**
 * The help line telling a member how to speak to the bot on this channel, or null where
 * everything works (Wechaty). At most 40 characters a line, as every help line.
 * @example channelHelp('wecom') // '群里的消息我看不到：请在应用里私聊我，指令带上案件号。'
 */
export function channelHelp(channel: ChannelKind | undefined): string | null {
  if (channel === 'wecom') return '群里的消息我看不到：请在应用里私聊我，指令带上案件号。';
  if (channel === 'dingtalk') return '群里请先@我再发指令，带上案件号；不支持引用回复。';
  return null;
}
