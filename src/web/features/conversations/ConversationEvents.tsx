import { useConversationEvents } from "./queries";

/**
 * The signed-in tab's live connection (useConversationEvents), as a component the layout loads only
 * for a signed-in user: a guest's first screen does not carry the conversations' queries.
 */
export default function ConversationEvents() {
  useConversationEvents();
  return null;
}
