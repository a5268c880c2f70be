// The news' operator pages, one chunk (see routes.tsx), each behind the operators' ability.
import { guarded } from "../../components/guarded";
import { EditArticlePage as EditArticle, NewArticlePage as NewArticle } from "./ArticleFormPage";
import ManageNews from "./ManageNewsPage";

export const ManageNewsPage = guarded(ManageNews, "operator.news.manage");
export const NewArticlePage = guarded(NewArticle, "operator.news.manage");
export const EditArticlePage = guarded(EditArticle, "operator.news.manage");
