/**
 * The one-line question the bot asks before a command it will not carry out unasked
 * ("Safety first"): what it understood, then 1 to confirm or 2 to cancel.
 */
import { describeOutreach } from '../outreach.js';
import { describeReport, understandReplies as say } from '../understand-replies.js';
import type { UnderstoodCommand } from './types.js';

/**
 * The one-line question for a command the bot will not carry out unasked.
 * @example promptFor({ kind: 'supervise', caseId: 'X6CU' }) // '您是要督办 X6CU 吗？回复“1”确认，回复“2”取消'
 */
export function promptFor(c: UnderstoodCommand): string {
  switch (c.kind) {
    case 'ack':
      return say.confirmAck(c.caseId);
    case 'report':
      return say.confirmReport(c.caseId, describeReport(c));
    case 'correct':
      return say.confirmCorrect(c.caseId, describeReport({ ...c, approximate: false, alsoReported: false }));
    case 'reassign':
      return say.confirmReassign(c.caseId, c.to);
    case 'supervise':
      return say.confirmSupervise(c.caseId);
    case 'cancel':
      return say.confirmCancel(c.caseId, c.reason);
    case 'reopen':
      return say.confirmReopen(c.caseId);
    case 'bind':
      return say.confirmBind(c.code);
    case 'outreach':
      return say.confirmOutreach(describeOutreach(c));
    default:
      // withdraw; 1 and 2 are never asked about.
      return say.confirmWithdraw;
  }
}
