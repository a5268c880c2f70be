import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";

const MessagesPage = lazy(() => import("./MessagesPage"));
const ConversationPage = lazy(() => import("./ConversationPage"));

// Routes of this feature, mounted by App.tsx inside the layout: the user's conversations and one of them.
export const conversationRoutes = (
  <>
    <Route
      path="messages"
      element={
        <RequireAuth ability="conversations.access">
          <MessagesPage />
        </RequireAuth>
      }
    />
    <Route
      path="messages/:id"
      element={
        <RequireAuth ability="conversations.access">
          <ConversationPage />
        </RequireAuth>
      }
    />
  </>
);
