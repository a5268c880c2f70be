// The analytics page behind the operators' ability (a guest signs in first; others see "forbidden").
import { guarded } from "../../components/guarded";
import AnalyticsPage from "./AnalyticsPage";

export default guarded(AnalyticsPage, "operator.analytics.read");
