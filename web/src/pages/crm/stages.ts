import { useHub } from '../../app';
import type { Stage } from '../../api/types';
import { en, type MessageKey } from '../../i18n/messages';

const DEFAULT_STAGES: Record<string, MessageKey> = {
  lead: 'stage_lead', qualified: 'stage_qualified', proposal: 'stage_proposal', negotiation: 'stage_negotiation', won: 'stage_won', lost: 'stage_lost',
};

/** A stage's name in the user's language when it is one of the default pipeline's as it came, else as it was named. */
export function useStageName() {
  const { t } = useHub();
  return (stage: Pick<Stage, 'key' | 'name'>) => {
    const key = DEFAULT_STAGES[stage.key];
    return key && stage.name === en[key] ? t(key) : stage.name;
  };
}
